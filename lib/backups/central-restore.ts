import { mkdir, rm } from "node:fs/promises";
import path from "node:path";
import pg from "pg";
import { databaseNameOf, withDatabaseName } from "../db/database-url";
import { AppError } from "../errors";
import { quoteIdent } from "../tenancy/names";
import { decryptBackupFile, sha256OfFile } from "./backup-file";
import type { BackupKeys } from "./backup-keys";
import type { CentralBackupFile } from "./central-backup-files";
import { readCentralManifestFile } from "./central-manifest-file";
import { checkStoredSecrets, findOtherSessions, templateLocale } from "./central-restore-checks";
import type { Manifest } from "./manifest";
import { asideDatabaseName } from "./restore-aside";
import {
  createEmptyDatabase,
  databaseExists,
  restoreDumpAt,
  swapDatabases,
  verifyRestoredDatabase,
} from "./restore-database";

export const CENTRAL_RESTORE_STEPS = [
  "check",
  "decrypt",
  "create",
  "restore",
  "verify",
  "secrets",
  "swap",
] as const;
const APPLICATION_NAME = "clinic-platform central-restore";

export type CentralRestoreOptions = {
  /** The central database's URL (DATABASE_URL): its server, its admin role, the name to restore under. */
  centralUrl: string;
  backup: CentralBackupFile;
  keys: BackupKeys;
  /** TENANT_SECRETS_KEY: the restored registry's passwords must decrypt with it, or nothing is swapped. */
  secretsKey: Buffer;
  /** Where the decrypted dump is kept while pg_restore reads it (BACKUP_DIR/.restore). */
  workDir: string;
  /** Leave the restored copy under this name (for inspection) instead of swapping it in. */
  into?: string;
  /** End the sessions still connected to the central database instead of refusing. */
  forceDisconnect?: boolean;
  /** Restore a backup that has no .manifest file, without comparing its rows. */
  unverified?: boolean;
  env?: NodeJS.ProcessEnv;
  onStep?: (step: (typeof CENTRAL_RESTORE_STEPS)[number]) => void;
};

export type CentralRestoreOutcome = {
  backupId: string;
  takenAt: string;
  /** Where the restored data is now: the central database's name, or --into's. */
  database: string;
  /** The central database from before (null: there was none, or --into). */
  asideDatabase: string | null;
  /** How long connections to the central database were refused (null: no swap). */
  suspendedMs: number | null;
  /** Whether its rows were compared with the backup's manifest. */
  verified: boolean;
  /** Clinics and servers whose stored passwords were decrypted with TENANT_SECRETS_KEY. */
  secretsChecked: number;
};

/**
 * Restores the central database from a file of BACKUP_DIR/_central without reading the central
 * database: the file's `.manifest` says its SHA-256 and rows. A new database from template0 gets
 * the dump, is compared with the manifest and its stored passwords are decrypted with
 * TENANT_SECRETS_KEY; only then is it swapped in (the old one kept as `<name>_before_restore_<time>`),
 * or left under `into`. Any failure drops the new database; the live one is untouched.
 */
export async function restoreCentralDatabase(options: CentralRestoreOptions): Promise<CentralRestoreOutcome> {
  const central = databaseNameOf(options.centralUrl);
  const target = options.into ?? restoringDatabaseName(central);
  options.onStep?.("check");
  const expected = await checkBackupFile(options);
  const admin = new pg.Client({
    connectionString: withDatabaseName(options.centralUrl, "postgres"),
    application_name: APPLICATION_NAME,
  });
  admin.on("error", () => {});
  await admin.connect();
  const dumpFile = path.join(options.workDir, `central-${options.backup.backupId}-${process.pid}.dump`);
  try {
    await refuseUnsafeTarget(admin, { central, target, options });
    await dropLeftoverCopies(admin, central);
    await mkdir(options.workDir, { recursive: true, mode: 0o700 });
    options.onStep?.("decrypt");
    await rm(dumpFile, { force: true });
    await decryptBackupFile(options.backup.file, dumpFile, options.keys);
    try {
      const swap = await restoreInto(admin, { target, dumpFile, expected, options });
      return {
        backupId: options.backup.backupId,
        takenAt: options.backup.takenAt.toISOString(),
        database: options.into ?? central,
        verified: expected !== null,
        ...swap,
      };
    } catch (error) {
      await admin.query(`DROP DATABASE IF EXISTS ${quoteIdent(target)} WITH (FORCE)`).catch(() => {});
      throw error;
    }
  } finally {
    await rm(dumpFile, { force: true });
    await admin.end().catch(() => {});
  }
}

async function restoreInto(
  admin: pg.Client,
  work: { target: string; dumpFile: string; expected: Manifest | null; options: CentralRestoreOptions },
): Promise<Pick<CentralRestoreOutcome, "asideDatabase" | "suspendedMs" | "secretsChecked">> {
  const { target, options } = work;
  const targetUrl = withDatabaseName(options.centralUrl, target);
  options.onStep?.("create");
  await createEmptyDatabase(admin, target, work.expected?.database ?? (await templateLocale(admin)));
  // As prepareCentralDatabase leaves it: closed to PUBLIC, open to the platform's own role.
  await admin.query(`GRANT CONNECT ON DATABASE ${quoteIdent(target)} TO CURRENT_USER`);
  options.onStep?.("restore");
  await restoreDumpAt({
    url: targetUrl,
    dumpFile: work.dumpFile,
    applicationName: APPLICATION_NAME,
    env: options.env,
  });
  const restored = new pg.Client({ connectionString: targetUrl, application_name: APPLICATION_NAME });
  restored.on("error", () => {});
  await restored.connect();
  let secretsChecked: number;
  try {
    if (work.expected) {
      options.onStep?.("verify");
      await verifyRestoredDatabase(restored, work.expected);
    }
    options.onStep?.("secrets");
    secretsChecked = await checkStoredSecrets(restored, options.secretsKey);
  } finally {
    await restored.end().catch(() => {});
  }
  if (options.into) return { asideDatabase: null, suspendedMs: null, secretsChecked };
  options.onStep?.("swap");
  return { ...(await swapIn(admin, target, options)), secretsChecked };
}

/** Puts the restored copy under the central database's name; the old one (if any) stays aside. */
async function swapIn(
  admin: pg.Client,
  restored: string,
  options: CentralRestoreOptions,
): Promise<{ asideDatabase: string | null; suspendedMs: number | null }> {
  const central = databaseNameOf(options.centralUrl);
  if (!(await databaseExists(admin, central))) {
    await admin.query(`ALTER DATABASE ${quoteIdent(restored)} RENAME TO ${quoteIdent(central)}`);
    return { asideDatabase: null, suspendedMs: null };
  }
  await refuseOtherSessions(admin, central, options.forceDisconnect);
  const aside = asideDatabaseName(central, new Date());
  const { rows } = await admin.query<{ role: string }>("SELECT current_user AS role");
  const { suspendedMs } = await swapDatabases(admin, {
    live: central,
    restored,
    aside,
    roleName: rows[0]?.role ?? "",
  });
  return { asideDatabase: aside, suspendedMs };
}

/** The backup's manifest, once its file is the one the manifest names (null: --unverified). */
async function checkBackupFile(options: CentralRestoreOptions): Promise<Manifest | null> {
  if (options.unverified) return null;
  const sidecar = await readCentralManifestFile(options.backup.file, options.keys);
  if (sidecar.backupId !== options.backup.backupId) {
    throw new AppError("INVALID", "The .manifest file beside this backup belongs to another backup.");
  }
  if ((await sha256OfFile(options.backup.file)) !== sidecar.sha256) {
    throw new AppError(
      "INVALID",
      "The backup file's SHA-256 differs from the one its .manifest recorded: it was changed or damaged. Try the copy in BACKUP_COPY_DIR, or an older backup.",
    );
  }
  return sidecar.manifest;
}

async function refuseUnsafeTarget(
  admin: pg.Client,
  work: { central: string; target: string; options: CentralRestoreOptions },
): Promise<void> {
  if (work.options.into) {
    if (work.target === work.central || (await databaseExists(admin, work.target))) {
      throw new AppError(
        "CONFLICT",
        `A database named ${work.target} exists already: choose another name for --into.`,
      );
    }
    return;
  }
  await refuseOtherSessions(admin, work.central, work.options.forceDisconnect);
}

async function refuseOtherSessions(admin: pg.Client, central: string, force = false): Promise<void> {
  const sessions = await findOtherSessions(admin, central);
  if (force || sessions.count === 0) return;
  throw new AppError(
    "CONFLICT",
    `${sessions.count} session(s) are connected to ${central} (${sessions.applications || "no application name"}): stop the app (npm start, npm run worker) on every machine first, or pass --force-disconnect to end them.`,
  );
}

/** `<central>_restoring_<UTC time>`: the copy's name until the swap, cut to 63 bytes as the aside name is. */
function restoringDatabaseName(central: string, at = new Date()): string {
  return asideDatabaseName(central, at).replace(/_before_restore_(\d{17})$/, "_restoring_$1");
}

/** Copies an earlier run left when it was killed before it could drop them (only this names them so). */
async function dropLeftoverCopies(admin: pg.Client, central: string): Promise<void> {
  const prefix = restoringDatabaseName(central).slice(0, -17);
  const { rows } = await admin.query<{ name: string }>("SELECT datname AS name FROM pg_database");
  for (const { name } of rows) {
    if (!name.startsWith(prefix) || !/^\d{17}$/.test(name.slice(prefix.length))) continue;
    await admin.query(`DROP DATABASE IF EXISTS ${quoteIdent(name)} WITH (FORCE)`);
  }
}
