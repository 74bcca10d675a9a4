import { randomBytes } from "node:crypto";
import { existsSync } from "node:fs";
import { chmod, mkdir, mkdtemp, readFile, rm, symlink, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import type pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { tryClinicConnect } from "@/lib/testing/databases";
import type { Backup, Clinic } from "../generated/central/client";
import { LockConnection } from "../jobs/locks";
import { ClinicDatabaseService } from "../tenancy/clinic-database-service";
import { withAdminClient } from "../tenancy/clinic-schema";
import { clinicConnectionUrl, serverAdminUrl } from "../tenancy/servers";
import { createTestPlatform, type TestPlatform } from "../testing/platform";
import { decryptBackupFile, sha256OfFile } from "./backup-file";
import { parseBackupKeys } from "./backup-keys";
import { BackupService } from "./backup-service";
import { computeManifest, type Manifest } from "./manifest";
import { findPgTools } from "./pg-tools";

let platform: TestPlatform;
let service: BackupService;
let env: NodeJS.ProcessEnv;
let dir: string;
let acme: Clinic;
let other: Clinic;
const BACKUP_KEY = `k1:${randomBytes(32).toString("base64")}`;

const adminOf = <T>(database: string, work: (client: pg.Client) => Promise<T>) =>
  withAdminClient(platform.server, database, work);

const addPatients = (count: number, lastName = "Backup") =>
  adminOf(acme.databaseName, (client) =>
    client.query(
      `INSERT INTO patients (id, first_name, last_name, date_of_birth, updated_at)
       SELECT gen_random_uuid(), 'Pat ' || n, $2, date '1980-01-01' + n, now() FROM generate_series(1, $1) AS n`,
      [count, lastName],
    ),
  );

const liveManifest = (database = acme.databaseName) =>
  adminOf(database, async (client) => {
    await client.query("BEGIN");
    try {
      return await computeManifest(client);
    } finally {
      await client.query("ROLLBACK");
    }
  });

const fileOf = (backup: Backup) => path.join(dir, "backups", backup.filePath ?? "");

const pendingDatabases = () =>
  adminOf("postgres", async (client) => {
    const { rows } = await client.query<{ datname: string }>(
      "SELECT datname FROM pg_database WHERE datname LIKE $1",
      [`${acme.databaseName}\\_%`],
    );
    return rows.map((row) => row.datname);
  });

/** Connects to acme's database with a URL's role; resolves with the error's message, or "connected". */
beforeAll(async () => {
  platform = await createTestPlatform();
  dir = await mkdtemp(path.join(tmpdir(), "backups-"));
  env = {
    ...platform.env,
    BACKUP_KEY,
    BACKUP_DIR: path.join(dir, "backups"),
    BACKUP_COPY_DIR: path.join(dir, "copy"),
  };
  const clinics = new ClinicDatabaseService({ central: platform.central, env });
  for (const subdomain of ["acme", "other"]) {
    await clinics.provisionClinic({ name: `${subdomain} clinic`, subdomain, ownerId: platform.owner.id });
  }
  acme = await platform.central.clinic.findUniqueOrThrow({ where: { subdomain: "acme" } });
  other = await platform.central.clinic.findUniqueOrThrow({ where: { subdomain: "other" } });
  service = new BackupService({ central: platform.central, env });
  await addPatients(200);
}, 120_000);

afterAll(async () => {
  await platform?.cleanup();
  await rm(dir, { recursive: true, force: true });
});

describe("backing up a clinic", () => {
  it("writes an encrypted file, its copy, and a DONE row with the manifest of the clinic's rows", async () => {
    const backup = await service.backupClinic("acme");
    expect(backup).toMatchObject({
      status: "DONE",
      clinicId: acme.id,
      kind: "MANUAL",
      keyId: "k1",
      error: null,
    });
    expect(backup.filePath).toMatch(/^acme\/\d{8}T\d{6}Z-[0-9a-f-]{36}\.backup$/);
    expect(await sha256OfFile(fileOf(backup))).toBe(backup.sha256);
    expect(await sha256OfFile(path.join(dir, "copy", backup.filePath ?? ""))).toBe(backup.sha256);
    expect(backup.copiedAt).not.toBeNull();
    const manifest = backup.manifest as Manifest;
    expect(manifest.tables.patients?.rows).toBe(200);
    expect(manifest).toEqual(await liveManifest());
    expect(backup.schemaVersion).toBe(acme.schemaVersion);
    const job = await platform.central.job.findFirstOrThrow({ where: { id: backup.jobId ?? "" } });
    expect(job).toMatchObject({ state: "SUCCEEDED", step: "copy" });
    const plain = path.join(dir, "plain.dump");
    await decryptBackupFile(fileOf(backup), plain, parseBackupKeys(BACKUP_KEY));
    expect((await readFile(plain)).subarray(0, 5).toString()).toBe("PGDMP");
  });

  it("matches its own manifest while another connection writes all the time", async () => {
    let writing = true;
    let written = 0;
    const writer = (async () => {
      while (writing) {
        await addPatients(5, "Concurrent");
        written += 5;
      }
    })();
    await new Promise((resolve) => setTimeout(resolve, 200));
    const backup = await service.backupClinic("acme");
    await new Promise((resolve) => setTimeout(resolve, 100));
    writing = false;
    await writer;
    const rows = (backup.manifest as Manifest).tables.patients?.rows ?? 0;
    expect(rows).toBeGreaterThan(200);
    expect(rows).toBeLessThan(200 + written);
    // The restore verifies the restored rows against this manifest before it swaps.
    const restored = await service.restoreClinic("acme", { backupId: backup.id });
    expect(restored.backup.verifiedAt).not.toBeNull();
    // Every table's rows and checksum, as the dump's snapshot saw them.
    expect((await liveManifest()).tables).toEqual((backup.manifest as Manifest).tables);
  });

  it("fails cleanly when the clinic's lock is held, instead of waiting behind it", async () => {
    const holder = await LockConnection.open(platform.centralUrl, "test-holder");
    try {
      expect(await holder.tryLock("clinic", acme.id)).toBe(true);
      const started = Date.now();
      await expect(service.backupClinic("acme")).rejects.toThrow(
        "Another operation is running on this clinic",
      );
      expect(Date.now() - started).toBeLessThan(15_000);
    } finally {
      await holder.close();
    }
    const failed = await platform.central.backup.findFirst({
      where: { clinicId: acme.id },
      orderBy: { startedAt: "desc" },
    });
    expect(failed?.status).not.toBe("RUNNING");
  });

  it("records a failed pg_dump as a FAILED backup with the reason, and leaves no file", async () => {
    const tools = await fakeTools({
      pg_dump: "echo partial; echo 'pg_dump: error: out of luck' >&2; exit 1",
    });
    const failing = new BackupService({ central: platform.central, env: { ...env, PG_BIN_DIR: tools } });
    await expect(failing.backupClinic("acme")).rejects.toThrow("pg_dump failed: out of luck");
    const row = await platform.central.backup.findFirstOrThrow({
      where: { clinicId: acme.id },
      orderBy: { startedAt: "desc" },
    });
    expect(row).toMatchObject({ status: "FAILED", filePath: null });
    expect(row.error).toContain("pg_dump failed: out of luck");
    expect(existsSync(path.join(dir, "backups", "acme", `x-${row.id}`))).toBe(false);
  });

  it("backs up the central database too", async () => {
    const backup = await service.backupCentral();
    expect(backup).toMatchObject({ status: "DONE", clinicId: null });
    expect(backup.filePath).toMatch(/^_central\//);
    expect((backup.manifest as Manifest).tables.clinics?.rows).toBe(2);
    expect(await service.listBackups(null)).toEqual([expect.objectContaining({ id: backup.id })]);
  });
});

describe("restoring a clinic", () => {
  let backup: Backup;
  let expected: Manifest;

  beforeAll(async () => {
    backup = await service.backupClinic("acme");
    expected = backup.manifest as Manifest;
  });

  it("brings back every row as it was in the backup, and keeps the replaced database aside", async () => {
    await addPatients(3, "After");
    await adminOf(acme.databaseName, (client) =>
      client.query("UPDATE patients SET first_name = 'Changed' WHERE last_name = 'Backup'"),
    );
    expect(await liveManifest()).not.toEqual(expected);
    const outcome = await service.restoreClinic("acme", { backupId: backup.id });
    expect(await liveManifest()).toEqual(expected);
    expect(outcome.asideDatabase).toMatch(new RegExp(`^${acme.databaseName}_before_restore_\\d{17}$`));
    expect(outcome.suspendedMs).toBeLessThan(2000);
    expect((await liveManifest(outcome.asideDatabase)).tables.patients?.rows).toBe(
      (expected.tables.patients?.rows ?? 0) + 3,
    );
    const kept = await platform.central.keptDatabase.findMany({
      where: { databaseName: outcome.asideDatabase },
    });
    expect(kept).toHaveLength(1);
    expect(outcome.backup.verifiedAt).not.toBeNull();
    // The restored database has planner statistics before its first query (pg_restore leaves none).
    const unanalyzed = await adminOf(acme.databaseName, async (client) => {
      const { rows } = await client.query<{ name: string }>(
        "SELECT relname AS name FROM pg_stat_user_tables WHERE last_analyze IS NULL AND last_autoanalyze IS NULL AND relname IN ('patients', 'appointments')",
      );
      return rows.map((row) => row.name);
    });
    expect(unanalyzed).toEqual([]);
  });

  it("leaves the restored database closed to PUBLIC and to another clinic's role, open to the clinic's own", async () => {
    const stranger = `${platform.prefix}stranger`;
    await adminOf("postgres", (client) =>
      client.query(`CREATE ROLE "${stranger}" LOGIN PASSWORD 'stranger-pass'`),
    );
    const strangerUrl = new URL(serverAdminUrl(platform.server));
    strangerUrl.username = stranger;
    strangerUrl.password = "stranger-pass";
    expect(await tryClinicConnect(strangerUrl.toString(), acme.databaseName)).toMatch(
      /permission denied for database/,
    );
    expect(await tryClinicConnect(clinicConnectionUrl(other, platform.server), acme.databaseName)).toMatch(
      /permission denied for database/,
    );
    expect(await tryClinicConnect(clinicConnectionUrl(acme, platform.server), acme.databaseName)).toBe(
      "connected",
    );
  });

  it("refuses a changed, truncated, foreign or wrong-key file before any database is made", async () => {
    const original = await readFile(fileOf(backup));
    const before = await liveManifest();
    const flipped = Buffer.from(original);
    flipped[flipped.length - 100] = (flipped[flipped.length - 100] ?? 0) ^ 1;
    const cases: { bytes: Buffer; rowSha?: boolean; env?: Record<string, string>; message: string }[] = [
      { bytes: flipped, rowSha: false, message: "SHA-256 differs from the one recorded" },
      { bytes: flipped, message: "altered or damaged" },
      { bytes: original.subarray(0, original.length - 40), message: "truncated" },
      { bytes: Buffer.from("PGDMP not ours"), message: "not a backup file of this platform" },
      {
        bytes: original,
        env: { BACKUP_KEY: `k1:${randomBytes(32).toString("base64")}` },
        message: "is not the key this backup was encrypted with",
      },
      {
        bytes: original,
        env: { BACKUP_KEY: `k9:${randomBytes(32).toString("base64")}` },
        message: 'encrypted with key "k1", which BACKUP_KEY does not hold',
      },
    ];
    try {
      for (const bad of cases) {
        await writeFile(fileOf(backup), bad.bytes);
        if (bad.rowSha !== false) {
          await platform.central.backup.update({
            where: { id: backup.id },
            data: { sha256: await sha256OfFile(fileOf(backup)) },
          });
        }
        const restoring = new BackupService({ central: platform.central, env: { ...env, ...bad.env } });
        await expect(restoring.restoreClinic("acme", { backupId: backup.id })).rejects.toThrow(bad.message);
        const job = await platform.central.job.findFirstOrThrow({
          where: { kind: "restore-clinic" },
          orderBy: { createdAt: "desc" },
        });
        expect(["check", "decrypt"]).toContain(job.step);
        expect(await pendingDatabases()).not.toContainEqual(expect.stringMatching(/_p\d+$/));
      }
    } finally {
      await writeFile(fileOf(backup), original);
      await platform.central.backup.update({
        where: { id: backup.id },
        data: { sha256: await sha256OfFile(fileOf(backup)) },
      });
    }
    expect(await liveManifest()).toEqual(before);
    expect(await tryClinicConnect(clinicConnectionUrl(acme, platform.server), acme.databaseName)).toBe(
      "connected",
    );
  });

  it("leaves the live clinic serving, unchanged, when pg_restore fails", async () => {
    await addPatients(2, "Kept");
    const before = await liveManifest();
    const tools = await fakeTools({
      pg_restore: "echo 'pg_restore: error: could not execute query: boom' >&2; exit 1",
    });
    const failing = new BackupService({ central: platform.central, env: { ...env, PG_BIN_DIR: tools } });
    await expect(failing.restoreClinic("acme", { backupId: backup.id })).rejects.toThrow(
      /pg_restore failed: could not execute query: boom The clinic still serves its own data, unchanged\./,
    );
    expect(await liveManifest()).toEqual(before);
    expect(await pendingDatabases()).not.toContainEqual(expect.stringMatching(/_p\d+$/));
    expect(await tryClinicConnect(clinicConnectionUrl(acme, platform.server), acme.databaseName)).toBe(
      "connected",
    );
    expect(existsSync(path.join(dir, "backups", ".restore"))).toBe(true);
    const { readdir } = await import("node:fs/promises");
    expect(await readdir(path.join(dir, "backups", ".restore"))).toEqual([]);
  });
});

/** A PG_BIN_DIR whose named tools are shell scripts and the others the real ones. */
async function fakeTools(scripts: Partial<Record<"pg_dump" | "pg_restore", string>>): Promise<string> {
  const real = await findPgTools(150000, { ...process.env, PG_BIN_DIR: undefined });
  const bin = path.join(dir, `bin-${randomBytes(3).toString("hex")}`);
  await mkdir(bin);
  for (const tool of ["pg_dump", "pg_restore"] as const) {
    const target = path.join(bin, tool);
    const script = scripts[tool];
    if (!script) {
      await symlink(real[tool], target);
      continue;
    }
    await writeFile(
      target,
      `#!/bin/sh\nif [ "$1" = "--version" ]; then echo "${tool} (PostgreSQL) 15.20"; exit 0; fi\n${script}\n`,
    );
    await chmod(target, 0o755);
  }
  return bin;
}
