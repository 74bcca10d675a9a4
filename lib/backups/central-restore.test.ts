import { randomBytes } from "node:crypto";
import { existsSync } from "node:fs";
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createCentralClient } from "../db/central";
import { withDatabaseName } from "../db/database-url";
import { ClinicDatabaseService } from "../tenancy/clinic-database-service";
import { getSecretsKey } from "../tenancy/secrets";
import { clinicConnectionUrl } from "../tenancy/servers";
import { createTestPlatform, type TestPlatform } from "../testing/platform";
import { parseBackupKeys } from "./backup-keys";
import { BackupService } from "./backup-service";
import { manifestFilePath } from "./backup-store";
import {
  type CentralBackupFile,
  listCentralBackupFiles,
  pickCentralBackupFile,
} from "./central-backup-files";
import { readCentralManifestFile, writeCentralManifestFile } from "./central-manifest-file";
import { type CentralRestoreOptions, restoreCentralDatabase } from "./central-restore";

let platform: TestPlatform;
let dir: string;
let env: NodeJS.ProcessEnv;
let backup: CentralBackupFile;
const BACKUP_KEY = `k1:${randomBytes(32).toString("base64")}`;

const centralName = () => `${platform.prefix}central`;

/** One query on a database of the test server, as its admin. */
async function query<T extends pg.QueryResultRow>(database: string, sql: string): Promise<T[]> {
  const client = new pg.Client({ connectionString: withDatabaseName(platform.centralUrl, database) });
  await client.connect();
  try {
    return (await client.query<T>(sql)).rows;
  } finally {
    await client.end();
  }
}

const databasesLike = async (pattern: string) =>
  (await query<{ datname: string }>("postgres", "SELECT datname FROM pg_database ORDER BY datname"))
    .map((row) => row.datname)
    .filter((name) => name.startsWith(centralName()) && name.includes(pattern));

const restore = (options: Partial<CentralRestoreOptions> = {}) =>
  restoreCentralDatabase({
    centralUrl: platform.centralUrl,
    backup,
    keys: parseBackupKeys(BACKUP_KEY),
    secretsKey: getSecretsKey(),
    workDir: path.join(dir, ".restore"),
    env,
    ...options,
  });

beforeAll(async () => {
  platform = await createTestPlatform();
  dir = await mkdtemp(path.join(tmpdir(), "central-restore-"));
  env = { ...platform.env, BACKUP_KEY, BACKUP_DIR: dir };
  await new ClinicDatabaseService({ central: platform.central, env }).provisionClinic({
    name: "Acme clinic",
    subdomain: "acme",
    ownerId: platform.owner.id,
  });
  await new BackupService({ central: platform.central, env }).backupCentral();
  // From here on, as at 3 a.m.: the app is stopped and only the files are trusted.
  await platform.central.$disconnect();
  backup = await pickCentralBackupFile(dir, undefined);
}, 120_000);

afterAll(async () => {
  await platform?.cleanup();
  await rm(dir, { recursive: true, force: true });
});

describe("finding central backups without the central database", () => {
  it("lists the files of BACKUP_DIR/_central newest first, each with its sealed .manifest beside it", async () => {
    const older = path.join(
      path.dirname(backup.file),
      `20000101T000000Z-${"0".repeat(8)}-0000-0000-0000-${"0".repeat(12)}.backup`,
    );
    await writeFile(older, "not a real backup");
    const files = await listCentralBackupFiles(dir);
    await rm(older);
    expect(files.map((file) => file.backupId)).toEqual([
      backup.backupId,
      "00000000-0000-0000-0000-000000000000",
    ]);
    expect(existsSync(manifestFilePath(backup.file))).toBe(true);
    expect((await pickCentralBackupFile(dir, backup.backupId.slice(0, 8))).file).toBe(backup.file);
  });
});

describe("restoring the central database", () => {
  it("with --into, leaves a verified copy under the new name and the live central database untouched", async () => {
    const into = `${centralName()}_inspect`;
    await query("postgres", `CREATE DATABASE "${centralName()}_restoring_20000101000000000"`);
    const outcome = await restore({ into });
    expect(await databasesLike("_restoring_")).toEqual([]); // a killed run's copy is dropped
    expect(outcome).toMatchObject({ database: into, asideDatabase: null, suspendedMs: null, verified: true });
    // acme's role password, and the server admin's when the test server has one.
    expect(outcome.secretsChecked).toBeGreaterThanOrEqual(1);
    const clinics = await query<{ subdomain: string }>(into, "SELECT subdomain FROM clinics");
    expect(clinics.map((row) => row.subdomain)).toEqual(["acme"]);
    await expect(restore({ into })).rejects.toThrow(/exists already: choose another name for --into/);
  });

  it("refuses a wrong TENANT_SECRETS_KEY before swapping, and drops its copy", async () => {
    await expect(restore({ secretsKey: randomBytes(32) })).rejects.toThrow(
      /(\d) of \1 stored passwords \(clinic acme[,)].* do not decrypt with this TENANT_SECRETS_KEY/,
    );
    expect(await databasesLike("_restoring_")).toEqual([]);
    expect(await databasesLike("_before_restore_")).toEqual([]);
  });

  it("refuses while the app is connected, then swaps the damaged one aside with --force-disconnect", async () => {
    const app = new pg.Client({ connectionString: platform.centralUrl, application_name: "next-server" });
    app.on("error", () => {});
    await app.connect();
    await app.query("UPDATE clinics SET name = 'Damaged'");
    await app.query("UPDATE users SET name = 'Damaged'");
    await expect(restore()).rejects.toThrow(
      /1 session\(s\) are connected to .*\(next-server\): stop the app/,
    );
    const outcome = await restore({ forceDisconnect: true });
    await app.end().catch(() => {});
    expect(outcome).toMatchObject({ database: centralName(), verified: true });
    expect(outcome.asideDatabase).toMatch(/_before_restore_\d{17}$/);
    expect(await query(centralName(), "SELECT name FROM clinics")).toEqual([{ name: "Acme clinic" }]);
    expect(await query(outcome.asideDatabase ?? "", "SELECT name FROM clinics")).toEqual([
      { name: "Damaged" },
    ]);
    expect(await databasesLike("_restoring_")).toEqual([]);
    await query("postgres", `DROP DATABASE "${outcome.asideDatabase}"`);
  });

  it("brings a dropped central database back: the registry and users are there, and acme's stored role password connects", async () => {
    const users = await query<{ email: string }>(centralName(), "SELECT email FROM users ORDER BY email");
    await query("postgres", `DROP DATABASE "${centralName()}" WITH (FORCE)`);
    const outcome = await restore();
    expect(outcome).toMatchObject({ asideDatabase: null, verified: true, backupId: backup.backupId });
    expect(await query(centralName(), "SELECT email FROM users ORDER BY email")).toEqual(users);
    const central = createCentralClient(platform.centralUrl, 1);
    try {
      const acme = await central.clinic.findUniqueOrThrow({
        where: { subdomain: "acme" },
        include: { databaseServer: true },
      });
      expect(acme.status).toBe("ACTIVE");
      const clinic = new pg.Client({
        connectionString: clinicConnectionUrl(acme, acme.databaseServer ?? platform.server),
      });
      await clinic.connect();
      const { rows } = await clinic.query<{ role: string }>("SELECT current_user AS role");
      await clinic.end();
      expect(rows[0]?.role).toBe(acme.roleName);
    } finally {
      await central.$disconnect();
    }
  });

  it("refuses a backup whose file no longer matches its .manifest", async () => {
    const copy = path.join(path.dirname(backup.file), `20990101T000000Z-${backup.backupId}.backup`);
    await writeFile(copy, Buffer.concat([await readFile(backup.file), Buffer.from([0])]));
    await writeFile(manifestFilePath(copy), await readFile(manifestFilePath(backup.file)));
    const tampered = await pickCentralBackupFile(dir, copy);
    await expect(restore({ backup: tampered, into: `${centralName()}_x` })).rejects.toThrow(
      /SHA-256 differs from the one its \.manifest recorded/,
    );
    await rm(manifestFilePath(copy));
    await expect(restore({ backup: tampered, into: `${centralName()}_x` })).rejects.toThrow(
      /no \.manifest file beside it/,
    );
    await rm(copy);
  });

  it("refuses a restored copy whose rows differ from the manifest, and drops the copy", async () => {
    const keys = parseBackupKeys(BACKUP_KEY);
    const sidecar = await readCentralManifestFile(backup.file, keys);
    const clinics = sidecar.manifest.tables.clinics ?? { rows: 0, checksum: "" };
    const tables = { ...sidecar.manifest.tables, clinics: { ...clinics, rows: 2 } };
    const copy = path.join(path.dirname(backup.file), `20990101T000000Z-${backup.backupId}.backup`);
    await writeFile(copy, await readFile(backup.file));
    const sealed = { ...sidecar, manifest: { ...sidecar.manifest, tables } };
    await writeCentralManifestFile(dir, path.relative(dir, copy), sealed, keys.writer);
    const into = `${centralName()}_x`;
    await expect(restore({ backup: await pickCentralBackupFile(dir, copy), into })).rejects.toThrow(
      /does not match the backup's manifest: clinics: 1 rows instead of 2/,
    );
    expect(await databasesLike("_x")).toEqual([]);
    await rm(copy);
    await rm(manifestFilePath(copy));
  });
});
