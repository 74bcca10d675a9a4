import { existsSync } from "node:fs";
import { chmod, mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Clinic, DatabaseServer } from "../generated/central/client";
import {
  leftoversOn,
  manifestOf,
  provisionOn,
  type ReplicaServer,
  startReplicaServer,
  stopReplicaServer,
} from "../moves/move-fixture";
import { withAdminClient } from "../tenancy/clinic-schema";
import { createTestPlatform, type TestPlatform } from "../testing/platform";
import { isPgBackRestInstalled, type PitrConfig } from "./pgbackrest";
import { PITR_STEPS, type PitrStep } from "./pitr-job";
import { restoreClinicToTime } from "./pitr-service";
import { archiveCommand, setUpPitr } from "./pitr-setup";
import { archiveCurrentWal, findRecoverableWindow } from "./recoverable-window";
import { processesUnder, scratchPaths } from "./scratch-folder";

const installed = await isPgBackRestInstalled();
if (!installed) {
  console.warn(
    "[pitr] pgbackrest is not installed, so the point-in-time restore tests are skipped: apt-get install --no-upgrade pgbackrest",
  );
}

let platform: TestPlatform;
let replica: ReplicaServer;
let server: DatabaseServer;
let clinic: Clinic;
let repoDir: string;
let config: PitrConfig;

const namesOf = async () =>
  withAdminClient(server, clinic.databaseName, async (client) =>
    (
      await client.query<{ name: string }>(
        "SELECT first_name AS name FROM patients WHERE last_name = 'Moment' ORDER BY first_name",
      )
    ).rows.map((row) => row.name),
  );

const addPatient = (firstName: string) =>
  withAdminClient(server, clinic.databaseName, (client) =>
    client.query(
      "INSERT INTO patients (id, first_name, last_name, date_of_birth, updated_at) VALUES (gen_random_uuid(), $1, 'Moment', date '1980-01-01', now())",
      [firstName],
    ),
  );

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
    repoDir = await mkdtemp(path.join(tmpdir(), "clinic-pitr-repo-"));
    await chmod(repoDir, 0o755);
    config = { stanza: "pitr-test", configPath: path.join(repoDir, "pgbackrest.conf") };
    replica = await startReplicaServer(platform, "pitr", 57710, {
      archive_mode: "on",
      archive_command: archiveCommand(config),
    });
    clinic = await provisionOn(platform, replica.server, "acme-pitr");
    await withAdminClient(replica.server, clinic.databaseName, (client) =>
      client.query(
        `INSERT INTO patients (id, first_name, last_name, date_of_birth, updated_at)
         SELECT gen_random_uuid(), 'Pat ' || n, 'Seed', date '1980-01-01' + n, now() FROM generate_series(1, 500) AS n`,
      ),
    );
    const setup = await setUpPitr(platform.central, {
      server: replica.server,
      repoDir,
      stanza: config.stanza,
      env: platform.env,
    });
    expect(setup).toMatchObject({ restartNeeded: false, backupTaken: true, config });
    server = await platform.central.databaseServer.findUniqueOrThrow({ where: { id: replica.server.id } });
    // Recovery can stop only after the backup's end: the writes below come after the window opens.
    const window = await findRecoverableWindow(server, platform.env);
    await sleep(Math.max(0, window.from.getTime() - Date.now() + 50));
  }, 60_000);

  afterAll(async () => {
    await stopReplicaServer(replica);
    if (repoDir) await rm(repoDir, { recursive: true, force: true });
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
