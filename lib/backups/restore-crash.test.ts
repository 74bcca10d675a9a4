import { randomBytes } from "node:crypto";
import { mkdir, mkdtemp, readdir, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, expect, it } from "vitest";
import type { Backup, Clinic } from "../generated/central/client";
import { ClinicDatabaseService } from "../tenancy/clinic-database-service";
import { withAdminClient } from "../tenancy/clinic-schema";
import { runScriptProcess } from "../testing/child-process";
import { createTestPlatform, type TestPlatform } from "../testing/platform";
import {
  countPatientsAsClinic,
  findClinicDatabases,
  manifestOf,
  matchManifest,
} from "../testing/restore-state";
import { BackupService } from "./backup-service";
import type { Manifest } from "./manifest";

let platform: TestPlatform;
let env: NodeJS.ProcessEnv;
let dir: string;
let service: BackupService;
let clinic: Clinic;
let backup: Backup;

const addPatients = (count: number, lastName: string) =>
  withAdminClient(platform.server, clinic.databaseName, (client) =>
    client.query(
      `INSERT INTO patients (id, first_name, last_name, date_of_birth, updated_at)
       SELECT gen_random_uuid(), 'Pat ' || n, $2, date '1980-01-01' + n, now() FROM generate_series(1, $1) AS n`,
      [count, lastName],
    ),
  );

beforeAll(async () => {
  platform = await createTestPlatform();
  dir = await mkdtemp(path.join(tmpdir(), "restore-crash-"));
  env = {
    ...platform.env,
    BACKUP_KEY: `k1:${randomBytes(32).toString("base64")}`,
    BACKUP_DIR: path.join(dir, "backups"),
  };
  const clinics = new ClinicDatabaseService({ central: platform.central, env });
  clinic = await clinics.provisionClinic({ name: "Crash", subdomain: "crash", ownerId: platform.owner.id });
  service = new BackupService({ central: platform.central, env });
  await addPatients(300, "Backup");
  backup = await service.backupClinic("crash");
}, 120_000);

afterAll(async () => {
  await platform?.cleanup();
  await rm(dir, { recursive: true, force: true });
});

/** Runs the restore in a process of its own, kills it (SIGKILL) at `point`, and returns the job's id. */
async function killRestoreAt(point: string): Promise<string> {
  const child = runScriptProcess(
    "lib/testing/restore-child.ts",
    [platform.centralUrl, clinic.subdomain, backup.id, point],
    env,
  );
  try {
    await child.waitForLine(new RegExp(`^paused ${point}$`), 60_000);
  } finally {
    await child.killHard();
  }
  const jobId = /^job (\S+)$/m.exec(child.output())?.[1];
  if (!jobId) throw new Error(`The restore process printed no job. Output:\n${child.output()}`);
  return jobId;
}

/** What the clinic serves now: one live database its role reads, and which data that is. */
async function servedState(candidates: { before: Manifest; backup: Manifest }) {
  const databases = await findClinicDatabases(platform.server, clinic);
  const kept = await platform.central.keptDatabase.findMany({ orderBy: { databaseName: "asc" } });
  return {
    data: matchManifest(await manifestOf(platform.server, clinic.databaseName), candidates),
    roleReadsPatients: await countPatientsAsClinic(clinic, platform.server),
    connectableByRole: databases.filter((db) => db.roleCanConnect).map((db) => db.kind),
    pending: databases.filter((db) => db.kind === "pending").map((db) => db.name),
    asideMatchesKept:
      JSON.stringify(databases.filter((db) => db.kind === "aside").map((db) => db.name)) ===
      JSON.stringify(kept.map((row) => row.databaseName)),
    closedDatabases: databases.filter((db) => !db.allowConnections).map((db) => db.name),
  };
}

const attemptsOf = async (jobId: string) =>
  (await platform.central.jobAttempt.findMany({ where: { jobId }, orderBy: { number: "asc" } })).map(
    (attempt) => attempt.state,
  );

it("finishes a restore whose process died before the swap, over what the dead attempt left", async () => {
  await addPatients(7, "Before");
  const before = await manifestOf(platform.server, clinic.databaseName);
  const jobId = await killRestoreAt("verify");
  expect((await servedState({ before, backup: backup.manifest as Manifest })).data).toBe("before");
  // As a kill in the middle of decrypting leaves it: a plaintext draft in the job's folder.
  await mkdir(path.join(dir, "backups", ".restore", jobId), { recursive: true });
  await writeFile(path.join(dir, "backups", ".restore", jobId, "backup.dump.partial"), "PGDMP half");

  const job = await service.jobs.runUntilDone(jobId);

  expect(job.state).toBe("SUCCEEDED");
  expect(await attemptsOf(jobId)).toEqual(["DIED", "SUCCEEDED"]);
  expect(await servedState({ before, backup: backup.manifest as Manifest })).toEqual({
    data: "backup",
    roleReadsPatients: 300,
    connectableByRole: ["live"],
    pending: [],
    asideMatchesKept: true,
    closedDatabases: [],
  });
  expect(await readdir(path.join(dir, "backups", ".restore"))).toEqual([]);
}, 90_000);

it("settles a restore whose process died right after the swap's commit: the backup's data, the old database aside and closed to the clinic", async () => {
  await addPatients(5, "Before");
  const before = await manifestOf(platform.server, clinic.databaseName);
  const jobId = await killRestoreAt("swapped");
  const killed = await servedState({ before, backup: backup.manifest as Manifest });
  expect(killed.data).toBe("backup");
  expect(killed.roleReadsPatients).toBe(300);

  const job = await service.jobs.runUntilDone(jobId);

  expect(job.state).toBe("SUCCEEDED");
  expect(await attemptsOf(jobId)).toEqual(["DIED", "SUCCEEDED"]);
  const after = await servedState({ before, backup: backup.manifest as Manifest });
  expect(after).toMatchObject({
    data: "backup",
    connectableByRole: ["live"],
    pending: [],
    closedDatabases: [],
  });
  expect(after.asideMatchesKept).toBe(true);
  const kept = await platform.central.keptDatabase.findFirstOrThrow({
    where: { keptBy: `restore job ${jobId}` },
  });
  expect(matchManifest(await manifestOf(platform.server, kept.databaseName), { before })).toBe("before");
  const asides = await findClinicDatabases(platform.server, clinic);
  expect(asides.find((db) => db.name === kept.databaseName)?.comment).toBe(
    `clinic-platform: ${clinic.databaseName} before a restore`,
  );
  expect(job.payload).toMatchObject({ result: { asideDatabase: kept.databaseName } });
  // The dead attempt's plaintext dump is gone too, though the retry had nothing to decrypt.
  expect(await readdir(path.join(dir, "backups", ".restore"))).toEqual([]);
}, 90_000);

it("gives up a restore that died mid-swap, before the commit, leaving the live clinic unchanged and serving", async () => {
  await addPatients(3, "Before");
  const before = await manifestOf(platform.server, clinic.databaseName);
  const keptBefore = await platform.central.keptDatabase.count();
  const jobId = await killRestoreAt("suspended");
  // The dead attempt had closed the live database to new connections.
  expect((await findClinicDatabases(platform.server, clinic)).find((db) => db.kind === "live")).toMatchObject(
    {
      allowConnections: false,
    },
  );
  await platform.central.job.update({ where: { id: jobId }, data: { maxAttempts: 1 } });

  await expect(service.jobs.runUntilDone(jobId)).rejects.toThrow(
    "The clinic still serves its own data, unchanged.",
  );

  expect(await attemptsOf(jobId)).toEqual(["DIED", "FAILED"]);
  expect(await servedState({ before, backup: backup.manifest as Manifest })).toMatchObject({
    data: "before",
    roleReadsPatients: 303,
    connectableByRole: ["live"],
    pending: [],
    asideMatchesKept: true,
    closedDatabases: [],
  });
  expect(await platform.central.keptDatabase.count()).toBe(keptBefore);
}, 90_000);
