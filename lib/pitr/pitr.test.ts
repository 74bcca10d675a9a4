import { existsSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Clinic, DatabaseServer } from "../generated/central/client";
import { leftoversOn, manifestOf } from "../moves/move-fixture";
import { withAdminClient } from "../tenancy/clinic-schema";
import { createTestPlatform, type TestPlatform } from "../testing/platform";
import { isPgBackRestInstalled, type PitrConfig } from "./pgbackrest";
import { addMomentPatient, findMomentPatients, type PitrFixture, startPitrFixture } from "./pitr-fixture";
import { PITR_STEPS, type PitrStep } from "./pitr-job";
import { restoreClinicToTime } from "./pitr-service";
import { archiveCurrentWal } from "./recoverable-window";
import { processesUnder, scratchPaths } from "./scratch-folder";

const installed = await isPgBackRestInstalled();
if (!installed) {
  console.warn(
    "[pitr] pgbackrest is not installed, so the point-in-time restore tests are skipped: apt-get install --no-upgrade pgbackrest",
  );
}

let platform: TestPlatform;
let fixture: PitrFixture;
let server: DatabaseServer;
let clinic: Clinic;
let config: PitrConfig;

const namesOf = () => findMomentPatients(server, clinic);
const addPatient = (firstName: string) => addMomentPatient(server, clinic, firstName);

const restore = (at: Date, onPitrStep?: (step: PitrStep) => void) =>
  restoreClinicToTime({
    central: platform.central,
    env: platform.env,
    request: { subdomain: clinic.subdomain, at },
    onPitrStep,
  });

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe.skipIf(!installed)("point-in-time restore of one clinic (pgBackRest)", () => {
  beforeAll(async () => {
    platform = await createTestPlatform();
    fixture = await startPitrFixture(platform, {
      name: "pitr",
      port: 57710,
      subdomain: "acme-pitr",
      patients: 500,
    });
    ({ server, clinic, config } = fixture);
    expect(fixture.setup).toMatchObject({ restartNeeded: false, backupTaken: true, config });
  }, 60_000);

  afterAll(async () => {
    await fixture?.stop();
    await platform?.cleanup();
  });

  it("restores the clinic to a moment between two writes: the first is there, the second is not", async () => {
    await addPatient("Alpha");
    await sleep(50);
    const at = new Date();
    await sleep(50);
    await addPatient("Bravo");
    await archiveCurrentWal(server, config);
    expect(await namesOf()).toEqual(["Alpha", "Bravo"]);

    const steps: PitrStep[] = [];
    const outcome = await restore(at, (step) => {
      steps.push(step);
    });

    expect(steps).toEqual([...PITR_STEPS]);
    expect(await namesOf()).toEqual(["Alpha"]);
    const seeded = await withAdminClient(server, clinic.databaseName, (client) =>
      client.query<{ count: number }>("SELECT count(*)::int AS count FROM patients WHERE last_name = 'Seed'"),
    );
    expect(seeded.rows[0]?.count).toBe(500);
    const kept = await platform.central.keptDatabase.findMany({ where: { serverId: server.id } });
    expect(kept.map((row) => row.databaseName)).toEqual([outcome.asideDatabase]);
    const aside = await manifestOf(server, outcome.asideDatabase);
    expect(aside.tables.patients?.rows).toBe(502);
    expect(existsSync(scratchPaths(platform.env, outcome.jobId).jobRoot)).toBe(false);
    expect(outcome.window.from.getTime()).toBeLessThan(at.getTime());
  }, 60_000);

  it("refuses a moment outside the recoverable window, saying what the window is, before anything changes", async () => {
    const before = await manifestOf(server, clinic.databaseName);
    const jobs = await platform.central.job.count();
    await expect(restore(new Date(Date.now() + 3_600_000))).rejects.toThrow(
      /outside the recoverable window of server pitr: from \S+Z to \S+Z/,
    );
    await expect(restore(new Date("2020-01-01T00:00:00Z"))).rejects.toThrow(/outside the recoverable window/);
    expect(await platform.central.job.count()).toBe(jobs);
    expect(await manifestOf(server, clinic.databaseName)).toEqual(before);
  });

  it("a failure before the swap leaves the clinic unchanged and removes the scratch instance", async () => {
    const at = new Date();
    await addPatient("Charlie");
    const before = await manifestOf(server, clinic.databaseName);
    let runningAtDump: number[] = [];
    const failing = restore(at, (step) => {
      if (step !== "dump") return;
      runningAtDump = processesUnder(path.join(tmpdir(), "clinic-pitr"));
      throw new Error("injected failure while the scratch instance runs");
    });
    await expect(failing).rejects.toThrow(/injected failure while the scratch instance runs/);
    expect(runningAtDump.length).toBeGreaterThan(0);
    expect(processesUnder(path.join(tmpdir(), "clinic-pitr"))).toEqual([]);
    expect(await manifestOf(server, clinic.databaseName)).toEqual(before);
    expect(await namesOf()).toEqual(["Alpha", "Charlie"]);
    const databases = (await leftoversOn(server, clinic)).databases;
    expect(databases.filter((name) => /_p[0-9]+$/.test(name))).toEqual([]);
    const job = await platform.central.job.findFirstOrThrow({
      where: { kind: "pitr-restore-clinic", state: "FAILED" },
    });
    expect(existsSync(scratchPaths(platform.env, job.id).jobRoot)).toBe(false);
  }, 60_000);
});
