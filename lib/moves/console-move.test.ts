import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { settleBackgroundWork } from "../background-work";
import { findFreePort } from "../db/embedded-server";
import type { Clinic, DatabaseServer } from "../generated/central/client";
import { ClinicDatabaseService } from "../tenancy/clinic-database-service";
import { createTestPlatform, type TestPlatform } from "../testing/platform";
import { findMoveJobProgress, findMoveTargets, startClinicMove } from "./console-move";
import { MOVE_STEPS } from "./move-plan";

let platform: TestPlatform;
let clinic: Clinic;
let elsewhere: DatabaseServer;
const actor = () => ({ id: platform.owner.id, email: platform.owner.email, ip: null, userAgent: null });

beforeAll(async () => {
  platform = await createTestPlatform();
  clinic = await new ClinicDatabaseService({ central: platform.central, env: platform.env }).provisionClinic({
    name: "Console move",
    subdomain: "console-move",
    ownerId: platform.owner.id,
  });
  // A second registration of the same PostgreSQL: the check refuses it, the clinic's database being there.
  const { host, port, adminUser, adminPasswordEncrypted } = platform.server;
  elsewhere = await platform.central.databaseServer.create({
    data: { name: "elsewhere", host, port, adminUser, adminPasswordEncrypted, capacity: 5 },
  });
}, 60_000);

afterAll(async () => {
  await settleBackgroundWork();
  await platform?.cleanup();
});

const start = (confirmation = "console-move") =>
  startClinicMove({
    central: platform.central,
    actor: actor(),
    clinicId: clinic.id,
    toServerId: elsewhere.id,
    confirmation,
  });

describe("moving a clinic from the console", () => {
  it("lists every server with its clinics and capacity, says where the clinic cannot go, and how it would be moved", async () => {
    const { servers, preview } = await findMoveTargets({ central: platform.central, clinic });
    expect(
      servers.map(({ name, clinics, capacity, unavailable }) => ({ name, clinics, capacity, unavailable })),
    ).toEqual([
      { name: "default", clinics: 1, capacity: 200, unavailable: "the clinic is here" },
      { name: "elsewhere", clinics: 0, capacity: 5, unavailable: null },
    ]);
    expect(preview).toMatchObject({ source: "default", method: "backup", walLevel: "replica", error: null });
    expect(preview?.databaseBytes).toBeGreaterThan(1_000_000);
    expect(preview?.pauseSeconds?.quiet).toBeGreaterThanOrEqual(1);
    expect(preview?.headline).toMatch(/^The clinic will be paused for about \d+ seconds$/);
    expect(preview?.summary).toMatch(
      /^Server default has wal_level=replica, so this clinic will be moved by backup and restore, not copied while it keeps working\. The clinic is paused for the whole copy: its staff cannot open or save anything until it is done\. Its database is \d+ MB, so expect about \d+ seconds when the servers are quiet, up to \d+ seconds when they are busy\./,
    );
  });

  it("says so when the clinic's server cannot be reached to tell how it would be moved", async () => {
    const { host, adminUser, adminPasswordEncrypted } = platform.server;
    const gone = await platform.central.databaseServer.create({
      data: { name: "gone", host, port: await findFreePort(58110), adminUser, adminPasswordEncrypted },
    });
    try {
      const { preview } = await findMoveTargets({
        central: platform.central,
        clinic: { databaseServerId: gone.id, databaseName: clinic.databaseName },
      });
      expect(preview).toMatchObject({ source: "gone", method: null, pauseSeconds: null });
      expect(preview?.summary).toMatch(
        /^Server gone could not be reached to see how this clinic would be moved \(.+\)\. The move checks again before it changes anything/,
      );
    } finally {
      await platform.central.databaseServer.delete({ where: { id: gone.id } });
    }
  });

  it("lists a move's steps by the method its check recorded", async () => {
    const job = await platform.central.job.create({
      data: {
        kind: "move-clinic",
        state: "RUNNING",
        step: "restore",
        payload: {
          sourceServerId: platform.server.id,
          targetServerId: elsewhere.id,
          started: true,
          method: "backup",
        },
      },
    });
    try {
      const progress = await findMoveJobProgress({ central: platform.central, jobId: job.id });
      expect(progress).toMatchObject({ method: "backup", step: "restore", steps: MOVE_STEPS.backup });
    } finally {
      await platform.central.job.delete({ where: { id: job.id } });
    }
  });

  it("refuses without the subdomain typed, queuing nothing", async () => {
    await expect(start("console")).rejects.toThrow("Type “console-move” to confirm.");
    expect(await platform.central.job.count({ where: { kind: "move-clinic" } })).toBe(0);
    expect(await platform.central.auditEvent.count({ where: { action: "clinic.move" } })).toBe(0);
  });

  it("refuses while the clinic is being moved already", async () => {
    const running = await platform.central.job.create({
      data: { kind: "move-clinic", clinicId: clinic.id, state: "RUNNING" },
    });
    try {
      await expect(start()).rejects.toThrow(
        "The clinic is being moved to another database server right now. Try again when that has finished.",
      );
    } finally {
      await platform.central.job.delete({ where: { id: running.id } });
    }
  });

  it("queues the move with its audit row; the job's refusal is what the dialog shows", async () => {
    const { jobId } = await start();
    await settleBackgroundWork();
    const progress = await findMoveJobProgress({ central: platform.central, jobId });
    expect(progress).toMatchObject({ state: "FAILED", method: null, step: "check", steps: ["check"] });
    expect(progress.result).toBeNull();
    // "elsewhere" is the same PostgreSQL: the clinic's database is there already.
    expect(progress.error).toMatch(
      /^The move failed: Server elsewhere already has a database named .* The clinic still serves from server default; nothing was left on either server\.$/,
    );
    const audit = await platform.central.auditEvent.findFirstOrThrow({ where: { action: "clinic.move" } });
    expect(audit).toMatchObject({ targetId: clinic.id, details: { toServer: "elsewhere", job: jobId } });
    const row = await platform.central.clinic.findUniqueOrThrow({ where: { id: clinic.id } });
    expect(row.databaseServerId).toBe(platform.server.id);
  });
});
