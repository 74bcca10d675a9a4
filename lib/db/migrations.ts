import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import type { MigrationList, SchemaEngine } from "@prisma/schema-engine-wasm";
import type pg from "pg";
import { databaseNameOf } from "./database-url";
import { projectRoot } from "./project-root";
import { type EngineDiagnostics, withSchemaEngine } from "./schema-engine";

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

/** Migration folder names in the order they apply (their timestamp prefix sorts them). */
export async function listMigrationNames(migrationsDir: string): Promise<string[]> {
  const entries = await readdir(migrationsDir, { withFileTypes: true }).catch(
    (error: NodeJS.ErrnoException) => {
      if (error.code === "ENOENT") return [];
      throw error;
    },
  );
  return entries
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort();
}

export async function readMigrationList(migrationsDir: string): Promise<MigrationList> {
  const names = await listMigrationNames(migrationsDir);
  const migrationDirectories = await Promise.all(
    names.map(async (name) => {
      const file = path.join(migrationsDir, name, "migration.sql");
      const content = await readFile(file, "utf8").then(
        (value) => ({ tag: "ok" as const, value }),
        (error: Error) => ({ tag: "error" as const, value: error.message }),
      );
      return { path: name, migrationFile: { path: "migration.sql", content } };
    }),
  );
  const lockPath = path.join(migrationsDir, "migration_lock.toml");
  return {
    baseDir: migrationsDir,
    lockfile: { path: lockPath, content: await readFile(lockPath, "utf8").catch(() => null) },
    shadowDbInitScript: "",
    migrationDirectories,
  };
}

export type ApplyMigrationsOptions = SchemaLocation & { connectionString: string };

/** Applies the pending migrations to one database and returns the names it applied, in order. */
export async function applyMigrations(options: ApplyMigrationsOptions): Promise<string[]> {
  const migrationsList = await readMigrationList(options.migrationsDir);
  return runEngine(options, migrationsList, async (engine) => {
    const output = await engine.applyMigrations({ migrationsList, filters: noFilters });
    return output.appliedMigrationNames;
  });
}

/**
 * Marks a failed migration as rolled back so that the next run applies it again: the recovery
 * step once its SQL (or the database) is fixed. Migrations run in one transaction, so a failed one
 * left nothing half-done behind.
 */
export async function markMigrationRolledBack(
  options: ApplyMigrationsOptions & { migrationName: string },
): Promise<void> {
  const migrationsList = await readMigrationList(options.migrationsDir);
  if (!migrationsList.migrationDirectories.some((dir) => dir.path === options.migrationName)) {
    throw new MigrationError(
      `There is no migration named ${options.migrationName} in ${options.migrationsDir}.`,
      {
        database: databaseNameOf(options.connectionString),
        reason: "unknown migration",
      },
    );
  }
  await runEngine(options, migrationsList, (engine) =>
    engine.markMigrationRolledBack({ migrationName: options.migrationName }),
  );
}

const noFilters = { externalTables: [], externalEnums: [] };

async function runEngine<T>(
  options: ApplyMigrationsOptions,
  migrationsList: MigrationList,
  work: (engine: SchemaEngine) => Promise<T>,
): Promise<T> {
  const datamodel = { path: options.schemaPath, content: await readFile(options.schemaPath, "utf8") };
  let diagnostics: EngineDiagnostics = { logs: [] };
  try {
    return await withSchemaEngine(
      { connectionString: options.connectionString, datamodel },
      (engine, seen) => {
        diagnostics = seen;
        return work(engine);
      },
    );
  } catch (error) {
    throw toMigrationError(error, {
      database: databaseNameOf(options.connectionString),
      diagnostics,
      migrationsList,
    });
  }
}

function toMigrationError(
  error: unknown,
  context: { database: string; diagnostics: EngineDiagnostics; migrationsList: MigrationList },
): MigrationError {
  const { database, diagnostics, migrationsList } = context;
  const raw = error instanceof Error ? error.message : String(error);
  const migration =
    /migration_name="([^"]+)"/.exec(raw)?.[1] ?? /The `([^`]+)` migration started at/.exec(raw)?.[1];

  if (raw.includes("found failed migrations")) {
    const reason = `migration ${migration} failed earlier and is recorded as failed`;
    return new MigrationError(
      `Database ${database}: ${reason}, so no new migration will be applied. ` +
        `Fix the migration's SQL (or the database), then mark it rolled back with ` +
        `\`npm run db:migrate -- --rolled-back ${migration}\` and migrate again.`,
      { database, migration, reason },
    );
  }

  const pgError = diagnostics.lastDatabaseError;
  const reason = pgError ? describeDatabaseError(pgError, migration, migrationsList) : firstLineOf(raw);
  const where = migration ? `Migration ${migration} failed on database ${database}` : `Database ${database}`;
  return new MigrationError(`${where}: ${reason}`, { database, migration, reason });
}

function describeDatabaseError(error: pg.DatabaseError, migration: string | undefined, list: MigrationList) {
  const script = list.migrationDirectories.find((dir) => dir.path === migration)?.migrationFile.content;
  const position = Number(error.position);
  const line =
    script?.tag === "ok" && position > 0
      ? ` (migration.sql line ${script.value.slice(0, position).split("\n").length})`
      : "";
  return `PostgreSQL said: ${error.message} [${error.code}]${line}`;
}

// The engine's messages end in a Rust span trace; the first line that is not boilerplate is the reason.
function firstLineOf(message: string): string {
  const lines = message.split("\n").map((line) => line.trim());
  return lines.find((line) => line && line !== "external connector error" && !/^\d+:/.test(line)) ?? message;
}
