import { mkdir, rm } from "node:fs/promises";
import path from "node:path";
import type { MigrationFile } from "../db/migration-files";
import { readMigrationFiles } from "../db/migration-files";
import { SCHEMA_LOCATIONS, type SchemaLocation } from "../db/migrations";
import { AppError } from "../errors";
import type { Backup, Clinic, DatabaseServer } from "../generated/central/client";
import type { JobContext } from "../jobs/runner";
import { grantClinicDatabaseAccess, migrateClinicOver } from "../tenancy/clinic-schema";
import { quoteIdent, quoteLiteral } from "../tenancy/names";
import { formatMarker, platformInstanceId, withAttemptAdmin } from "../tenancy/server-objects";
import { decryptBackupFile, sha256OfFile } from "./backup-file";
import { getBackupKeys } from "./backup-keys";
import { backupDirs, jobWorkDir, resolveBackupFile } from "./backup-store";
import { type Manifest, manifestSchema } from "./manifest";
import { createEmptyDatabase, restoreDump, verifyRestoredDatabase } from "./restore-database";

/** The steps loadDumpIntoDatabase records, in order. */
export const LOAD_DUMP_STEPS = ["create", "restore", "verify", "migrate", "access"] as const;

/** The steps restoreIntoDatabase records, in order. */
export const RESTORE_DATABASE_STEPS = ["decrypt", ...LOAD_DUMP_STEPS] as const;

/** A backup found fit to restore, with the migrations that bring it up to date. */
export type RestorableBackup = { backup: Backup; manifest: Manifest; migrations: MigrationFile[] };

/**
 * The "check" step of a restore: the backup is `clinicId`'s, finished, its file present with the
 * SHA-256 recorded, and at a schema version this platform knows.
 */
export async function checkRestorableBackup(
  ctx: JobContext,
  options: { clinicId: string; backupId: string; env: NodeJS.ProcessEnv; schema?: SchemaLocation },
): Promise<RestorableBackup> {
  const backup = await ctx.central.backup.findUnique({ where: { id: options.backupId } });
  if (!backup || backup.clinicId !== options.clinicId)
    throw new AppError("NOT_FOUND", "No such backup of this clinic.");
  if (backup.status !== "DONE" || !backup.filePath || !backup.sha256) {
    throw new AppError("CONFLICT", `That backup is ${backup.status.toLowerCase()}, not a finished one.`);
  }
  const root = backupDirs(options.env).dir;
  const actual = await sha256OfFile(resolveBackupFile(root, backup.filePath)).catch(() => null);
  if (actual === null) throw new AppError("NOT_FOUND", "The backup's file is missing from BACKUP_DIR.");
  if (actual !== backup.sha256) {
    throw new AppError(
      "INVALID",
      "The backup file's SHA-256 differs from the one recorded when it was taken: it was changed or damaged.",
    );
  }
  const migrations = await readMigrationFiles((options.schema ?? SCHEMA_LOCATIONS.tenant).migrationsDir);
  if (backup.schemaVersion && !migrations.some((migration) => migration.name === backup.schemaVersion)) {
    throw new AppError(
      "INVALID",
      `The backup is at schema version ${backup.schemaVersion}, which this version of the platform does not know (it is newer, or not a migration of this platform).`,
    );
  }
  return { backup, manifest: manifestSchema.parse(backup.manifest), migrations };
}

/** Removes what a restore job's attempts decrypted (a killed one's half-written .partial too). */
export function removeRestoreWorkDir(env: NodeJS.ProcessEnv, jobId: string): Promise<void> {
  return rm(jobWorkDir(backupDirs(env).dir, jobId), { recursive: true, force: true });
}

/** The job's own empty folder (0700) for a plaintext dump; whatever a killed attempt left there goes first. */
export async function createRestoreWorkDir(env: NodeJS.ProcessEnv, jobId: string): Promise<string> {
  await removeRestoreWorkDir(env, jobId);
  const workDir = jobWorkDir(backupDirs(env).dir, jobId);
  await mkdir(workDir, { recursive: true, mode: 0o700 });
  return workDir;
}

/**
 * Steps decrypt, create, restore, verify, migrate and access (RESTORE_DATABASE_STEPS): the backup becomes the complete,
 * verified database `database` (made here), migrated forward, open to `roleName` only and marked
 * as the clinic's. The caller drops `database` when this throws; the plaintext dump is always removed.
 */
export async function restoreIntoDatabase(
  ctx: JobContext,
  target: {
    server: DatabaseServer;
    database: string;
    clinic: Pick<Clinic, "id" | "roleName">;
    restorable: RestorableBackup;
    env: NodeJS.ProcessEnv;
  },
): Promise<void> {
  const { backup, manifest, migrations } = target.restorable;
  try {
    await ctx.step("decrypt");
    const dumpFile = path.join(await createRestoreWorkDir(target.env, ctx.job.id), "backup.dump");
    const root = backupDirs(target.env).dir;
    await decryptBackupFile(
      resolveBackupFile(root, backup.filePath ?? ""),
      dumpFile,
      getBackupKeys(target.env),
    );
    await loadDumpIntoDatabase(ctx, { ...target, dumpFile, manifest, migrations });
  } finally {
    await removeRestoreWorkDir(target.env, ctx.job.id);
  }
}

/**
 * Steps create, restore, verify, migrate and access (LOAD_DUMP_STEPS): a plaintext dump becomes the database
 * `database` (made here), checked against `manifest`, migrated forward, open to the clinic's role
 * only and marked as the clinic's. The caller drops `database` when this throws.
 */
export async function loadDumpIntoDatabase(
  ctx: JobContext,
  target: {
    server: DatabaseServer;
    database: string;
    clinic: Pick<Clinic, "id" | "roleName">;
    dumpFile: string;
    manifest: Manifest;
    migrations: MigrationFile[];
    env: NodeJS.ProcessEnv;
  },
): Promise<void> {
  const { server, database, env, dumpFile, manifest } = target;
  const { roleName } = target.clinic;
  const admin = <T>(name: string, work: Parameters<typeof withAttemptAdmin<T>>[3]) =>
    withAttemptAdmin(server, name, ctx.attempt.applicationName, work);
  await ctx.step("create");
  await admin("postgres", (client) => createEmptyDatabase(client, database, manifest.database));
  await ctx.step("restore");
  await restoreDump({ server, database, dumpFile, env, applicationName: ctx.attempt.applicationName });
  await ctx.step("verify");
  await admin(database, (client) => verifyRestoredDatabase(client, manifest));
  await ctx.step("migrate");
  await admin(database, async (client) => {
    await migrateClinicOver(client, { databaseName: database, roleName, migrations: target.migrations });
    // pg_restore leaves no planner statistics: gather them before the clinic's first query, not after.
    await client.query("ANALYZE");
  });
  await ctx.step("access");
  const marker = formatMarker({
    instanceId: await platformInstanceId(ctx.central),
    clinicId: target.clinic.id,
  });
  await admin("postgres", async (client) => {
    await grantClinicDatabaseAccess(client, { databaseName: database, roleName });
    await client.query(`COMMENT ON DATABASE ${quoteIdent(database)} IS ${quoteLiteral(marker)}`);
  });
}
