import path from "node:path";
import pg from "pg";
import { databaseNameOf } from "./database-url";
import { applyPendingMigrations, MigrationFailure, markRolledBack } from "./migration-applier";
import { listMigrationNames, type MigrationFile, readMigrationFiles } from "./migration-files";
import { projectRoot } from "./project-root";

export { listMigrationNames } from "./migration-files";

export type SchemaKind = "central" | "tenant";

export type SchemaLocation = { schemaPath: string; migrationsDir: string };

/** Where each schema and its migrations live in this repository. */
export const SCHEMA_LOCATIONS: Record<SchemaKind, SchemaLocation> = {
  central: {
    schemaPath: path.join(projectRoot, "prisma/schema.prisma"),
    migrationsDir: path.join(projectRoot, "prisma/migrations"),
  },
  tenant: {
    schemaPath: path.join(projectRoot, "prisma/tenant.schema.prisma"),
    migrationsDir: path.join(projectRoot, "prisma/tenant-migrations"),
  },
};

/** A migration failed or cannot run; the message names the database and, when known, the migration. */
export class MigrationError extends Error {
  override name = "MigrationError";
  constructor(
    message: string,
    readonly details: { database: string; migration?: string; reason: string },
  ) {
    super(message);
  }
}

export type ApplyMigrationsOptions = { migrationsDir: string; connectionString: string };

/** Applies the pending migrations to one database and returns the names it applied, in order. */
export async function applyMigrations(options: ApplyMigrationsOptions): Promise<string[]> {
  const migrations = await readMigrationFiles(options.migrationsDir);
  return withMigrationClient(options.connectionString, (client) =>
    applyMigrationsOver(client, { database: databaseNameOf(options.connectionString), migrations }),
  );
}

/**
 * The same over a connection the caller holds (the fleet reuses one per clinic); `database` names
 * it in errors.
 */
export async function applyMigrationsOver(
  client: pg.Client,
  options: { database: string; migrations: readonly MigrationFile[] },
): Promise<string[]> {
  try {
    return await applyPendingMigrations(client, options.migrations);
  } catch (error) {
    throw toMigrationError(error, options.database);
  }
}

/**
 * Marks a failed migration as rolled back so that the next run applies it again: the recovery
 * step once its SQL (or the database) is fixed. Each migration runs in one transaction, so a
 * failed one left nothing half-done behind.
 */
export async function markMigrationRolledBack(
  options: ApplyMigrationsOptions & { migrationName: string },
): Promise<void> {
  const database = databaseNameOf(options.connectionString);
  const { migrationName } = options;
  if (!(await listMigrationNames(options.migrationsDir)).includes(migrationName)) {
    throw new MigrationError(`There is no migration named ${migrationName} in ${options.migrationsDir}.`, {
      database,
      reason: "unknown migration",
    });
  }
  const marked = await withMigrationClient(options.connectionString, (client) =>
    markRolledBack(client, migrationName),
  );
  if (marked === 0) {
    const reason = `migration ${migrationName} is not recorded as failed`;
    throw new MigrationError(`Database ${database}: ${reason}, so there is nothing to mark rolled back.`, {
      database,
      migration: migrationName,
      reason,
    });
  }
}

async function withMigrationClient<T>(connectionString: string, work: (client: pg.Client) => Promise<T>) {
  const client = new pg.Client({ connectionString });
  try {
    await client.connect();
  } catch (error) {
    await client.end().catch(() => undefined);
    throw toMigrationError(error, databaseNameOf(connectionString));
  }
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

function toMigrationError(error: unknown, database: string): unknown {
  if (error instanceof MigrationError) return error;
  if (!(error instanceof MigrationFailure)) {
    const reason = error instanceof pg.DatabaseError ? postgresSaid(error) : firstLine(error);
    return new MigrationError(`Database ${database}: ${reason}`, { database, reason });
  }
  const migration = error.migration.name;
  if (error.kind === "failed-earlier") {
    const reason = `migration ${migration} failed earlier and is recorded as failed`;
    return new MigrationError(
      `Database ${database}: ${reason}, so no new migration will be applied. ` +
        `Fix the migration's SQL (or the database), then mark it rolled back with ` +
        `\`npm run db:migrate -- --rolled-back ${migration}\` and migrate again.`,
      { database, migration, reason },
    );
  }
  const reason = describeFailure(error);
  return new MigrationError(`Migration ${migration} failed on database ${database}: ${reason}`, {
    database,
    migration,
    reason,
  });
}

function describeFailure(failure: MigrationFailure): string {
  if (failure.kind === "left-transaction") {
    return (
      "its SQL ends the transaction it runs in (COMMIT or ROLLBACK), so part of it may be applied " +
      "without its record; check the database, remove the statement, then mark it rolled back."
    );
  }
  const { cause } = failure;
  if (!(cause instanceof pg.DatabaseError)) return firstLine(cause);
  const sql = "sql" in failure.migration ? failure.migration.sql : "";
  const position = Number(cause.position);
  const line = position > 0 ? ` (migration.sql line ${sql.slice(0, position).split("\n").length})` : "";
  const said = `${postgresSaid(cause)}${line}`;
  // 25001: CREATE INDEX CONCURRENTLY, VACUUM and the like refuse to run inside a transaction.
  if (cause.code !== "25001") return said;
  return (
    `${said}. Every migration runs as one transaction (a crash then leaves it wholly applied or not ` +
    `at all), so it cannot hold a statement that refuses transactions; use the plain form (e.g. ` +
    `CREATE INDEX without CONCURRENTLY) or run that statement by hand outside the migrations.`
  );
}

function postgresSaid(error: pg.DatabaseError): string {
  return `PostgreSQL said: ${error.message} [${error.code}]`;
}

function firstLine(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  return message.split("\n")[0] ?? message;
}
