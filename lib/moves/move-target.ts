import type pg from "pg";
import { type MigrationFile, readMigrationFiles } from "../db/migration-files";
import { SCHEMA_LOCATIONS, type SchemaLocation } from "../db/migrations";
import { AppError } from "../errors";
import type { JobContext } from "../jobs/runner";
import type { ClinicJobOptions } from "../tenancy/clinic-job-context";
import { ensureTemplateDatabase, latestMigrationName, migrateClinicOver } from "../tenancy/clinic-schema";
import { quoteIdent, quoteLiteral } from "../tenancy/names";
import { ensureClinicRole } from "../tenancy/provisioning-job";
import { decryptSecret } from "../tenancy/secrets";
import {
  dropMarkedClinicObjects,
  formatMarker,
  type ObjectMarker,
  pendingDatabaseName,
} from "../tenancy/server-objects";
import { attemptAdmin, type MovePlan } from "./move-plan";
import { dropSubscription } from "./move-replication";

/** The clinic's role on the target with the password it already has (its encrypted copy in the central row). */
export async function createTargetRole(ctx: JobContext, plan: MovePlan, own: ObjectMarker): Promise<void> {
  const { clinic } = plan;
  if (!clinic.rolePasswordEncrypted)
    throw new AppError("CONFLICT", "The clinic has no role password recorded.");
  const password = decryptSecret(clinic.rolePasswordEncrypted);
  await attemptAdmin(ctx, plan.target, "postgres", (admin) =>
    ensureClinicRole(admin, clinic.roleName, password, own),
  );
}

/**
 * An empty database on the target with exactly the source's schema. It is built by the same
 * migrations the source ran, up to the source's schema_version (the template copy when that is the
 * newest), rather than by pg_dump --schema-only: no client binaries of the servers' version are
 * needed, the tables stay owned by the admin with provisioning's grants, and the result is checked
 * against the source's catalog fingerprint, so hand-made drift is refused instead of half-replicated.
 * Every table is then emptied (the copy brings all rows, _prisma_migrations included).
 */
export async function createTargetDatabase(
  ctx: JobContext,
  plan: MovePlan,
  own: ObjectMarker,
  options: ClinicJobOptions,
): Promise<void> {
  const { clinic, source, target } = plan;
  const schema = options.schema ?? SCHEMA_LOCATIONS.tenant;
  const migrations = await readMigrationsUpTo(clinic.schemaVersion, schema);
  const useTemplate =
    clinic.schemaVersion === (await latestMigrationName(schema)) && options.useTemplate !== false;
  const template = useTemplate
    ? await ensureTemplateDatabase({ server: target, env: options.env, schema }).catch(() => null)
    : null;
  const locale = await attemptAdmin(ctx, source, "postgres", (admin) =>
    readLocale(admin, clinic.databaseName),
  );
  const pending = pendingDatabaseName(clinic.databaseName, ctx.attempt.number);
  await attemptAdmin(ctx, target, "postgres", async (admin) => {
    await admin.query(`DROP DATABASE IF EXISTS ${quoteIdent(pending)} WITH (FORCE)`);
    await admin.query(
      template
        ? `CREATE DATABASE ${quoteIdent(pending)} TEMPLATE ${quoteIdent(template.name)}`
        : `CREATE DATABASE ${quoteIdent(pending)} TEMPLATE template0 ENCODING ${quoteLiteral(locale.encoding)}
             LC_COLLATE ${quoteLiteral(locale.collate)} LC_CTYPE ${quoteLiteral(locale.ctype)}`,
    );
    await admin.query(`COMMENT ON DATABASE ${quoteIdent(pending)} IS ${quoteLiteral(formatMarker(own))}`);
  });
  ctx.checkpoint();
  const built = await attemptAdmin(ctx, target, pending, async (client) => {
    await migrateClinicOver(client, {
      databaseName: pending,
      roleName: clinic.roleName,
      migrations,
    });
    await emptyEveryTable(client);
    return schemaFingerprint(client);
  });
  const expected = await attemptAdmin(ctx, source, clinic.databaseName, schemaFingerprint);
  if (built !== expected) {
    throw new AppError(
      "INVALID",
      `The schema built on ${target.name} from the migrations up to ${clinic.schemaVersion} differs from the clinic's own (was its database changed by hand?); nothing was moved.`,
    );
  }
  await attemptAdmin(ctx, target, "postgres", (admin) =>
    admin.query(`ALTER DATABASE ${quoteIdent(pending)} RENAME TO ${quoteIdent(clinic.databaseName)}`),
  );
}

/** The tenant migrations up to `version`, the one a clinic's database is at (refused when unknown). */
export async function readMigrationsUpTo(
  version: string | null,
  schema: SchemaLocation = SCHEMA_LOCATIONS.tenant,
): Promise<MigrationFile[]> {
  const all = await readMigrationFiles(schema.migrationsDir);
  const upTo = all.findIndex((migration) => migration.name === version);
  if (upTo < 0)
    throw new AppError("INVALID", `The clinic's schema version ${version} is not a known migration.`);
  return all.slice(0, upTo + 1);
}

/**
 * Undoes the target side of a move that did not switch: its subscription, then the database and
 * role this clinic's marker is on (never a database in kept_databases).
 */
export async function dropTargetObjects(ctx: JobContext, plan: MovePlan, own: ObjectMarker): Promise<void> {
  const { clinic, target } = plan;
  await dropSubscription(ctx, target, plan.replication);
  const kept = await ctx.central.keptDatabase.findFirst({
    where: { serverId: target.id, databaseName: clinic.databaseName },
  });
  if (kept) return;
  await attemptAdmin(ctx, target, "postgres", (admin) => dropMarkedClinicObjects(admin, clinic, own));
}

async function readLocale(admin: pg.Client, database: string) {
  const { rows } = await admin.query<{ encoding: string; collate: string; ctype: string }>(
    `SELECT pg_encoding_to_char(encoding) AS encoding, datcollate AS collate, datctype AS ctype
       FROM pg_database WHERE datname = $1`,
    [database],
  );
  if (!rows[0])
    throw new AppError("NOT_FOUND", `The clinic's database ${database} is missing on its server.`);
  return rows[0];
}

async function emptyEveryTable(client: pg.Client): Promise<void> {
  const { rows } = await client.query<{ name: string }>(
    "SELECT format('public.%I', relname) AS name FROM pg_class WHERE relnamespace = 'public'::regnamespace AND relkind = 'r'",
  );
  if (rows.length) await client.query(`TRUNCATE ${rows.map((row) => row.name).join(", ")}`);
}

/** One digest of the public schema's columns, indexes, constraints, triggers and sequences. */
export async function schemaFingerprint(client: pg.Client): Promise<string> {
  const { rows } = await client.query<{ digest: string }>(`
    SELECT md5(string_agg(line, E'\\n' ORDER BY line)) AS digest FROM (
      SELECT format('column %s.%s %s %s %s', table_name, column_name, data_type, is_nullable, column_default)
        FROM information_schema.columns WHERE table_schema = 'public'
      UNION ALL SELECT 'index ' || indexdef FROM pg_indexes WHERE schemaname = 'public'
      UNION ALL SELECT format('constraint %s %s %s', conrelid::regclass, conname, pg_get_constraintdef(oid))
        FROM pg_constraint WHERE connamespace = 'public'::regnamespace
      UNION ALL SELECT 'trigger ' || pg_get_triggerdef(oid) FROM pg_trigger
        WHERE NOT tgisinternal AND tgrelid IN (SELECT oid FROM pg_class WHERE relnamespace = 'public'::regnamespace)
      UNION ALL SELECT 'sequence ' || sequencename FROM pg_sequences WHERE schemaname = 'public'
    ) AS lines(line)`);
  return rows[0]?.digest ?? "";
}
