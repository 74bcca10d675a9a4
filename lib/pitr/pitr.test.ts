import { existsSync } from "node:fs";
import { chmod, readdir } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { describeClinicWindow, summariseServerPitr } from "@/components/super/pitr-format";
import { settleBackgroundWork } from "../background-work";
import type { Clinic, DatabaseServer } from "../generated/central/client";
import { leftoversOn, manifestOf, provisionOn } from "../moves/move-fixture";
import { checkServerForMoves } from "../moves/server-check";
import { withAdminClient } from "../tenancy/clinic-schema";
import { createTestPlatform, type TestPlatform } from "../testing/platform";
import { isPgBackRestInstalled, type PitrConfig } from "./pgbackrest";
import { startClinicRestoreToMoment } from "./pitr-console";
import { addMomentPatient, findMomentPatients, type PitrFixture, startPitrFixture } from "./pitr-fixture";
import { PITR_STEPS, type PitrStep } from "./pitr-job";
import { restoreClinicToTime } from "./pitr-service";
import { findPitrStatus } from "./pitr-status";
import { archiveCurrentWal, findRecoverableWindow } from "./recoverable-window";
import { instantToMoment } from "./restore-moment";
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

/** Sets the mode of every folder under `dir` (the archive pgbackrest archive-push writes into). */
async function chmodFolders(dir: string, mode: number): Promise<void> {
  await chmod(dir, mode);
  for (const entry of await readdir(dir, { withFileTypes: true }))
    if (entry.isDirectory()) await chmodFolders(path.join(dir, entry.name), mode);
}

/** Commits and switches the WAL segment, so the archiver tries to archive it now. */
const switchWal = () =>
  withAdminClient(server, "postgres", async (client) => {
    await client.query("SELECT txid_current()");
    await client.query("SELECT pg_switch_wal()");
  });

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
  it("the console's restore to a moment: queued with its audit row, refused by the job's check outside the window", async () => {
    const actor = { id: platform.owner.id, email: platform.owner.email, ip: null, userAgent: null };
    const start = (moment: string) =>
      startClinicRestoreToMoment({
        central: platform.central,
        actor,
        clinic,
        moment,
        timeZone: "Europe/Berlin",
        confirmation: clinic.subdomain,
      });
    await expect(start(instantToMoment(new Date(Date.now() + 3_600_000), "Europe/Berlin"))).rejects.toThrow(
      "That moment has not come yet: choose one up to now.",
    );
    const { jobId } = await start("2020-01-01T09:00:00");
    await settleBackgroundWork();
    const job = await platform.central.job.findUniqueOrThrow({ where: { id: jobId } });
    expect(job).toMatchObject({ kind: "pitr-restore-clinic", state: "FAILED", step: "check" });
    expect(job.lastError).toMatch(
      /^The point-in-time restore failed: 2020-01-01T08:00:00\.000Z is outside the recoverable window of server pitr: from \S+Z to \S+Z\. Choose a time inside it\. The clinic still serves its own data, unchanged\.$/,
    );
    const audit = await platform.central.auditEvent.findFirstOrThrow({
      where: { action: "backup.restore-to-moment" },
    });
    expect(audit.details).toEqual({
      subdomain: clinic.subdomain,
      at: "2020-01-01T08:00:00.000Z",
      timeZone: "Europe/Berlin",
      job: jobId,
    });
  });

  it("shows the recoverable window: the server's, the clinic's from its first backup, and in server:check", async () => {
    const window = await findRecoverableWindow(server, platform.env);
    const status = await findPitrStatus({ server, env: platform.env });
    expect(status).toMatchObject({
      stanza: config.stanza,
      setupCommand: null,
      archiver: { archiveMode: "on", commandSet: true, commandPushesToStanza: true },
      archiveFailure: null,
      windowReachesNow: true,
      windowProblem: null,
    });
    expect(status.window?.from).toEqual(window.from);
    expect(status.window?.to.getTime()).toBeGreaterThanOrEqual(window.from.getTime());
    expect(summariseServerPitr(status, new Date()).badge).toEqual({ tone: "success", label: "Available" });

    const forClinic = await findPitrStatus({ server, database: clinic.databaseName, env: platform.env });
    const first = window.backups[0]?.stop.getTime() ?? 0;
    expect(forClinic.window?.from).toEqual(new Date(first + 1000));
    expect(describeClinicWindow(forClinic, "UTC").sentence).toMatch(
      /^Can be restored to any moment from \w{3} \d+ \w{3} \d{4}, \d\d:\d\d:\d\d to now \(clinic time, UTC\)\.$/,
    );

    const report = await checkServerForMoves({ central: platform.central, server, env: platform.env });
    expect(report.pitr).toMatchObject({
      stanza: config.stanza,
      archiveFailure: null,
      windowReachesNow: true,
    });
    expect(report.advice.join("\n")).not.toMatch(/archiv/);
  });

  it("a clinic set up after the newest pgBackRest backup has no window yet, and the page says why", async () => {
    const late = await provisionOn(platform, server, "late-pitr");
    const status = await findPitrStatus({ server, database: late.databaseName, env: platform.env });
    expect(status.window).toBeNull();
    expect(status.windowProblem).toMatch(
      /^The clinic's database is in none of server pitr's pgBackRest backups yet .*: moments after the next backup will be restorable\.$/,
    );
  });

  it("a failing archive_command is loud everywhere, and the warning goes once archiving works again", async () => {
    const archive = path.join(fixture.repoDir, "archive");
    await chmodFolders(archive, 0o555);
    try {
      await switchWal();
      let status = await findPitrStatus({ server, env: platform.env });
      for (let tries = 0; !status.archiveFailure && tries < 100; tries++) {
        await sleep(200);
        status = await findPitrStatus({ server, env: platform.env });
      }
      expect(status.archiveFailure).toMatch(
        /^archive_command is failing: nothing has been archived since \S+ \S+ UTC, so the recoverable window stopped growing there .* Last failed attempt \S+ \S+ UTC \(WAL [0-9A-F]{24}; \d+ failures in all\)\. To see why, run pgbackrest --config=\S+ --stanza=pitr check/,
      );
      expect(status.windowReachesNow).toBe(false);
      expect(status.window).not.toBeNull();
      expect(summariseServerPitr(status, new Date())).toMatchObject({
        badge: { tone: "danger", label: "Archiving failing" },
        alert: status.archiveFailure,
      });
      const forClinic = describeClinicWindow(
        await findPitrStatus({ server, database: clinic.databaseName, env: platform.env }),
        "UTC",
      );
      expect(forClinic.stalled).toBe(true);
      expect(forClinic.sentence).toMatch(
        /to \w{3} \d+ .*Changes since then are not being archived right now/,
      );
      const report = await checkServerForMoves({ central: platform.central, server, env: platform.env });
      expect(report.advice).toContain(report.pitr?.archiveFailure);
    } finally {
      await chmodFolders(archive, 0o750);
    }
    await archiveCurrentWal(server, config);
    const healed = await findPitrStatus({ server, env: platform.env });
    expect(healed).toMatchObject({ archiveFailure: null, windowReachesNow: true });
  }, 60_000);
});
