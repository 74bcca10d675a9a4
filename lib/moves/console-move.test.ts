import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { settleBackgroundWork } from "../background-work";
import type { Clinic, DatabaseServer } from "../generated/central/client";
import { ClinicDatabaseService } from "../tenancy/clinic-database-service";
import { createTestPlatform, type TestPlatform } from "../testing/platform";
import { findMoveJobProgress, findMoveTargets, startClinicMove } from "./console-move";

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
  // A second registration of the same PostgreSQL: the source's wal_level refuses before it is reached.
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
  it("lists every server with its clinics and capacity, and says where the clinic cannot go", async () => {
    const targets = await findMoveTargets({
      central: platform.central,
      currentServerId: clinic.databaseServerId,
    });
    expect(
      targets.map(({ name, clinics, capacity, unavailable }) => ({ name, clinics, capacity, unavailable })),
    ).toEqual([
      { name: "default", clinics: 1, capacity: 200, unavailable: "the clinic is here" },
      { name: "elsewhere", clinics: 0, capacity: 5, unavailable: null },
    ]);
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

  it("queues the move with its audit row; the job's refusal (wal_level) is what the dialog shows", async () => {
    const { jobId } = await start();
    await settleBackgroundWork();
    const progress = await findMoveJobProgress({ central: platform.central, jobId });
    expect(progress).toMatchObject({ state: "FAILED", step: "check", result: null });
    expect(progress.error).toMatch(
      /^The move failed: Server default has wal_level=replica; a move by logical replication needs wal_level=logical there .* The clinic still serves from server default; nothing was left on either server\.$/,
    );
    const audit = await platform.central.auditEvent.findFirstOrThrow({ where: { action: "clinic.move" } });
    expect(audit).toMatchObject({ targetId: clinic.id, details: { toServer: "elsewhere", job: jobId } });
    const row = await platform.central.clinic.findUniqueOrThrow({ where: { id: clinic.id } });
    expect(row.databaseServerId).toBe(platform.server.id);
  });
});
