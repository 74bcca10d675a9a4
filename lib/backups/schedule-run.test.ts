import { randomBytes } from "node:crypto";
import { existsSync } from "node:fs";
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { centralUrlOf } from "../db/central";
import type { Backup, Clinic } from "../generated/central/client";
import { enqueueJob } from "../jobs/queue";
import { JobRunner } from "../jobs/runner";
import { ClinicDatabaseService } from "../tenancy/clinic-database-service";
import { withAdminClient } from "../tenancy/clinic-schema";
import { createTestPlatform, type TestPlatform } from "../testing/platform";
import { backupJobHandlers } from "./backup-handlers";
import { BackupService } from "./backup-service";
import { drillDatabaseName } from "./drills";
import { findBackupHealth } from "./health";
import type { Manifest } from "./manifest";
import { applyRetention } from "./retention-run";
import { queueDueBackup, queueDueDrill } from "./schedule-run";
import { ClinicTimeZones } from "./schedule-time-zones";

let platform: TestPlatform;
let env: NodeJS.ProcessEnv;
let dir: string;
let acme: Clinic;
let runner: JobRunner;
let service: BackupService;
let clinics: ClinicDatabaseService;
// A fake clock today at 03:00 UTC: every slot of backup hour 2 has come (drills: 05:mm, later).
const today = new Date().toISOString().slice(0, 10);
const backupTime = new Date(`${today}T03:00:00Z`);
const drillTime = new Date(`${today}T09:00:00Z`);

const fileOf = (backup: Pick<Backup, "filePath">, root = "backups") =>
  path.join(dir, root, backup.filePath ?? "");
const databaseExists = (name: string) =>
  withAdminClient(platform.server, "postgres", async (client) => {
    const { rowCount } = await client.query("SELECT 1 FROM pg_database WHERE datname = $1", [name]);
    return (rowCount ?? 0) > 0;
  });
const runDrill = async (backup: Backup) => {
  const job = await platform.central.$transaction((tx) =>
    enqueueJob(tx, { kind: "restore-drill", payload: { backupId: backup.id, clinicId: backup.clinicId } }),
  );
  return runner.runUntilDone(job.id);
};

beforeAll(async () => {
  platform = await createTestPlatform();
  dir = await mkdtemp(path.join(tmpdir(), "backup-schedule-"));
  env = {
    ...platform.env,
    BACKUP_KEY: `k1:${randomBytes(32).toString("base64")}`,
    BACKUP_DIR: path.join(dir, "backups"),
    BACKUP_COPY_DIR: path.join(dir, "copy"),
    BACKUP_TIME_ZONE: "UTC",
  };
  clinics = new ClinicDatabaseService({ central: platform.central, env });
  await clinics.provisionClinic({ name: "Acme", subdomain: "acme", ownerId: platform.owner.id });
  acme = await platform.central.clinic.findUniqueOrThrow({ where: { subdomain: "acme" } });
  await platform.central.platformSetting.create({ data: { id: 1, backupHour: 2, drillSampleSize: 2 } });
  service = new BackupService({ central: platform.central, env });
  runner = new JobRunner({
    central: platform.central,
    centralUrl: centralUrlOf(platform.central),
    handlers: backupJobHandlers({ env }),
  });
}, 120_000);

afterAll(async () => {
  await platform?.cleanup();
  await rm(dir, { recursive: true, force: true });
});

describe("scheduled backups", () => {
  it("queues one scheduled backup at a time, each clinic and the central database once per local day", async () => {
    const timeZones = new ClinicTimeZones();
    const ask = () => queueDueBackup(platform.central, { env, timeZones, now: backupTime });
    const [first, second] = await Promise.all([ask(), ask()]);
    const queued = [first, second].filter((job) => job !== null);
    expect(queued).toHaveLength(1);
    expect(await ask()).toBeNull();
    const jobs = [queued[0] ?? null];
    await runner.runUntilDone(queued[0]?.id ?? "");
    const next = await ask();
    expect(next).not.toBeNull();
    jobs.push(next);
    await runner.runUntilDone(next?.id ?? "");
    expect(await ask()).toBeNull();
    expect(jobs.map((job) => job?.kind).sort()).toEqual(["backup-central", "backup-clinic"]);
    const scheduled = await platform.central.backup.findMany({ where: { kind: "SCHEDULED" } });
    expect(scheduled.map((backup) => [backup.clinicId, backup.status]).sort()).toEqual(
      [
        [acme.id, "DONE"],
        [null, "DONE"],
      ].sort(),
    );
  }, 60_000);
});

describe("restore drills", () => {
  it("restores the least recently verified backups into scratch databases, checks them and marks them verified", async () => {
    const before = await findBackupHealth(platform.central, { now: drillTime });
    expect(
      before.every((row) => row.flagged && row.reason === "No backup of it has been verified yet."),
    ).toBe(true);
    for (let n = 0; n < 2; n++) {
      const job = await queueDueDrill(platform.central, { env, now: drillTime });
      expect(job?.kind).toBe("restore-drill");
      await runner.runUntilDone(job?.id ?? "");
    }
    expect(await queueDueDrill(platform.central, { env, now: drillTime })).toBeNull();
    const verified = await platform.central.backup.findMany({ where: { verifiedAt: { not: null } } });
    expect(verified.map((backup) => backup.clinicId).sort()).toEqual([acme.id, null].sort());
    for (const backup of verified)
      expect(await databaseExists(drillDatabaseName(backup.id, env))).toBe(false);
    const health = await findBackupHealth(platform.central);
    expect(health.map((row) => [row.subdomain, row.flagged])).toEqual([
      [null, false],
      ["acme", false],
    ]);
  }, 60_000);

  it("fails the drill of a tampered backup, drops its scratch database and flags the clinic", async () => {
    const backup = await service.backupClinic("acme");
    const original = await readFile(fileOf(backup));
    const damaged = Buffer.from(original);
    damaged[damaged.length - 100] = (damaged[damaged.length - 100] ?? 0) ^ 0xff;
    await writeFile(fileOf(backup), damaged);
    await expect(runDrill(backup)).rejects.toThrow(/RESTORE DRILL FAILED.*SHA-256 differs/);
    await writeFile(fileOf(backup), original);

    // A manifest that does not describe the file: the restore works, the verification does not.
    const manifest = backup.manifest as Manifest;
    const patients = manifest.tables.patients ?? { rows: 0, checksum: "" };
    await platform.central.backup.update({
      where: { id: backup.id },
      data: {
        manifest: {
          ...manifest,
          tables: { ...manifest.tables, patients: { ...patients, rows: patients.rows + 1 } },
        },
      },
    });
    await expect(runDrill(backup)).rejects.toThrow(/does not match the backup's manifest: patients/);
    expect(await databaseExists(drillDatabaseName(backup.id, env))).toBe(false);
    const row = await platform.central.backup.findUniqueOrThrow({ where: { id: backup.id } });
    expect(row.verifiedAt).toBeNull();
    const health = await findBackupHealth(platform.central);
    expect(health.find((entry) => entry.subdomain === "acme")).toMatchObject({
      flagged: true,
      reason: "Its last restore drill failed.",
      failedDrill: { reason: expect.stringContaining("RESTORE DRILL FAILED") },
    });
  }, 60_000);
});

describe("retention", () => {
  it("removes expired backups' files, copies and rows, but never the newest nor the last verified", async () => {
    const all = await platform.central.backup.findMany({ where: { clinicId: acme.id, status: "DONE" } });
    const newest = all.reduce((a, b) => (a.startedAt > b.startedAt ? a : b));
    const verified = all.find((backup) => backup.verifiedAt !== null);
    expect(all.length).toBeGreaterThanOrEqual(2);
    const later = new Date(Date.now() + 120 * 86_400_000);
    const removed = await applyRetention(platform.central, acme.id, { env, now: later });
    const left = await platform.central.backup.findMany({ where: { clinicId: acme.id, status: "DONE" } });
    expect(left.map((backup) => backup.id).sort()).toEqual([newest.id, verified?.id].sort());
    expect(removed).toBe(all.length - 2);
    for (const backup of all.filter((row) => !left.some((kept) => kept.id === row.id))) {
      expect(existsSync(fileOf(backup))).toBe(false);
      expect(existsSync(fileOf(backup, "copy"))).toBe(false);
    }
    for (const backup of left) expect(existsSync(fileOf(backup))).toBe(true);
  }, 60_000);
});

describe("deleting a clinic", () => {
  it("takes a BEFORE_DELETE backup first, and keeps it", async () => {
    await clinics.provisionClinic({ name: "Gone", subdomain: "gone", ownerId: platform.owner.id });
    const deleted = await clinics.deleteClinic("gone");
    expect(deleted.status).toBe("DELETED");
    const [backup] = await platform.central.backup.findMany({ where: { clinicId: deleted.id } });
    expect(backup).toMatchObject({ kind: "BEFORE_DELETE", status: "DONE" });
    expect(existsSync(fileOf(backup ?? { filePath: null }))).toBe(true);
    expect(await applyRetention(platform.central, deleted.id, { env })).toBe(0);
  }, 60_000);

  it("stops, with the reason, when that backup fails: nothing is dropped and the clinic is active again", async () => {
    await clinics.provisionClinic({ name: "Stays", subdomain: "stays", ownerId: platform.owner.id });
    const broken = new ClinicDatabaseService({
      central: platform.central,
      env: { ...env, PG_BIN_DIR: "/nonexistent" },
    });
    await expect(broken.deleteClinic("stays")).rejects.toThrow(
      /could not be deleted: The backup taken before deleting failed: pg_dump was not found.*Nothing was deleted; it is active again/,
    );
    const stays = await platform.central.clinic.findUniqueOrThrow({ where: { subdomain: "stays" } });
    expect(stays.status).toBe("ACTIVE");
    expect(await databaseExists(stays.databaseName)).toBe(true);
    const [backup] = await platform.central.backup.findMany({ where: { clinicId: stays.id } });
    expect(backup).toMatchObject({ kind: "BEFORE_DELETE", status: "FAILED" });
  }, 60_000);
});
