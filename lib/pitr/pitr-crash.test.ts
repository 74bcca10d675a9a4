import { chmod, mkdtemp, readdir, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { listMigrationNames } from "../db/migration-files";
import { SCHEMA_LOCATIONS } from "../db/migrations";
import { JobRunner } from "../jobs/runner";
import { runScriptProcess } from "../testing/child-process";
import { createTestPlatform, type TestPlatform } from "../testing/platform";
import { findClinicDatabases } from "../testing/restore-state";
import { isPgBackRestInstalled } from "./pgbackrest";
import { addMomentPatient, findMomentPatients, type PitrFixture, startPitrFixture } from "./pitr-fixture";
import { pitrRestoreHandler } from "./pitr-job";
import { processesUnder } from "./scratch-folder";

const installed = await isPgBackRestInstalled();

let platform: TestPlatform;
let fixture: PitrFixture;
let scratchDir: string;
let env: NodeJS.ProcessEnv;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Writes `earlier`, notes the moment, writes `later`, then restores the clinic to that moment in a
 * process of its own, killed (SIGKILL) at `point`; returns the job's id.
 */
async function killPitrAt(point: string, earlier: string, later: string): Promise<string> {
  await addMomentPatient(fixture.server, fixture.clinic, earlier);
  await sleep(50);
  const at = new Date();
  await sleep(50);
  await addMomentPatient(fixture.server, fixture.clinic, later);
  const child = runScriptProcess(
    "lib/testing/restore-child.ts",
    [platform.centralUrl, fixture.clinic.subdomain, `at=${at.toISOString()}`, point],
    env,
  );
  try {
    await child.waitForLine(new RegExp(`^paused ${point}$`), 120_000);
  } finally {
    await child.killHard();
  }
  const jobId = /^job (\S+)$/m.exec(child.output())?.[1];
  if (!jobId) throw new Error(`The restore process printed no job. Output:\n${child.output()}`);
  return jobId;
}

/** What a platform worker does with the dead process's job: takes it up and runs it to its end. */
const takeBack = (jobId: string) =>
  new JobRunner({
    central: platform.central,
    centralUrl: platform.centralUrl,
    handlers: { "pitr-restore-clinic": pitrRestoreHandler({ central: platform.central, env }) },
  }).runUntilDone(jobId);

const attemptsOf = async (jobId: string) =>
  (await platform.central.jobAttempt.findMany({ where: { jobId }, orderBy: { number: "asc" } })).map(
    (attempt) => attempt.state,
  );

describe.skipIf(!installed)("a point-in-time restore whose process was killed", () => {
  beforeAll(async () => {
    platform = await createTestPlatform();
    scratchDir = await mkdtemp(path.join(tmpdir(), "pitr-crash-"));
    // The scratch PostgreSQL runs as the server's OS user when this is root: it must enter the folder.
    await chmod(scratchDir, 0o755);
    env = { ...platform.env, PITR_SCRATCH_DIR: scratchDir };
    fixture = await startPitrFixture(platform, {
      name: "pitr-crash",
      port: 57730,
      subdomain: "crash-pitr",
      patients: 200,
    });
  }, 90_000);

  afterAll(async () => {
    if (scratchDir) await rm(scratchDir, { recursive: true, force: true });
    await fixture?.stop();
    await platform?.cleanup();
  });

  it("is finished by the retry, which stops the scratch PostgreSQL the dead process left running and removes its folder and dump", async () => {
    const jobId = await killPitrAt("dump", "Alpha", "Bravo");
    const orphans = processesUnder(scratchDir);
    expect(orphans.length).toBeGreaterThan(0);

    const job = await takeBack(jobId);

    expect(job.state).toBe("SUCCEEDED");
    expect(await attemptsOf(jobId)).toEqual(["DIED", "SUCCEEDED"]);
    expect(await findMomentPatients(fixture.server, fixture.clinic)).toEqual(["Alpha"]);
    expect(processesUnder(scratchDir)).toEqual([]);
    expect(await readdir(path.join(scratchDir, "clinic-pitr"))).toEqual([]);
  }, 180_000);

  it("settles a restore killed right after the swap's commit, and the clinic's row names the schema version of the database it now serves", async () => {
    // The clinic's row named an older version (a rollout had not reached it); the restore migrates forward.
    const migrations = await listMigrationNames(SCHEMA_LOCATIONS.tenant.migrationsDir);
    await platform.central.clinic.update({
      where: { id: fixture.clinic.id },
      data: { schemaVersion: migrations.at(-2) },
    });
    const jobId = await killPitrAt("swapped", "Charlie", "Delta");
    expect(await findMomentPatients(fixture.server, fixture.clinic)).toEqual(["Alpha", "Charlie"]);

    const job = await takeBack(jobId);

    expect(job.state).toBe("SUCCEEDED");
    expect(await attemptsOf(jobId)).toEqual(["DIED", "SUCCEEDED"]);
    const databases = await findClinicDatabases(fixture.server, fixture.clinic);
    expect(databases.filter((db) => db.roleCanConnect).map((db) => db.kind)).toEqual(["live"]);
    expect(databases.filter((db) => !db.allowConnections)).toEqual([]);
    const kept = await platform.central.keptDatabase.findFirstOrThrow({
      where: { keptBy: `restore job ${jobId}` },
    });
    expect(databases.find((db) => db.kind === "aside" && db.name === kept.databaseName)?.comment).toBe(
      `clinic-platform: ${fixture.clinic.databaseName} before a restore`,
    );
    const row = await platform.central.clinic.findUniqueOrThrow({ where: { id: fixture.clinic.id } });
    expect(row.schemaVersion).toBe(migrations.at(-1));
    expect(await readdir(path.join(scratchDir, "clinic-pitr"))).toEqual([]);
  }, 180_000);
});
