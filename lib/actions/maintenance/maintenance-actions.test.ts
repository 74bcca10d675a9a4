import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { settleBackgroundWork } from "@/lib/background-work";
import type { User } from "@/lib/generated/central/client";
import { ClinicDatabaseService } from "@/lib/tenancy/clinic-database-service";
import { createProcessPlatform, type TestPlatform } from "@/lib/testing/platform";
import { createPlatformUser, platformCaller } from "@/lib/testing/platform-users";
import { getMaintenanceJobAction } from "./get-maintenance-job";
import { startClinicMaintenanceAction } from "./start-clinic-maintenance";
import { stopSessionAction } from "./stop-session";

let platform: TestPlatform;
let caller: ReturnType<typeof platformCaller>;
let superAdmin: User;
let clinicAdmin: User;

beforeAll(async () => {
  platform = await createProcessPlatform();
  caller = platformCaller(platform.central);
  superAdmin = await createPlatformUser(platform.central, { role: "SUPER_ADMIN" });
  clinicAdmin = await createPlatformUser(platform.central, { role: "CLINIC_ADMIN" });
  await new ClinicDatabaseService({ central: platform.central, env: platform.env }).provisionClinic({
    name: "Birch clinic",
    subdomain: "birch",
    ownerId: clinicAdmin.id,
  });
}, 120_000);

afterAll(async () => {
  await settleBackgroundWork();
  await platform?.cleanup();
});

describe("maintenance actions", () => {
  it("starts a vacuum, audited, and reports its progress until it has done every table", async () => {
    const started = await caller.callAs(superAdmin, startClinicMaintenanceAction, {
      subdomain: "birch",
      operation: "vacuum",
    });
    if (!started.ok) throw new Error(started.error.message);
    await settleBackgroundWork();
    const progress = await caller.callAs(superAdmin, getMaintenanceJobAction, { jobId: started.data.jobId });
    expect(progress).toMatchObject({
      ok: true,
      data: { operation: "vacuum", state: "SUCCEEDED", error: null, tables: { done: expect.any(Number) } },
    });
    if (progress.ok) expect(progress.data.tables?.done).toBe(progress.data.tables?.total);
    const audit = await platform.central.auditEvent.findFirstOrThrow({
      where: { action: "maintenance.vacuum-requested" },
    });
    expect(audit).toMatchObject({ actorId: superAdmin.id, targetType: "clinic" });
  });

  it("refuses clinic admins, even for their own clinic", async () => {
    const refused = await caller.callAs(clinicAdmin, startClinicMaintenanceAction, {
      subdomain: "birch",
      operation: "reindex",
    });
    expect(refused).toMatchObject({ ok: false, error: { code: "FORBIDDEN" } });
    const server = await platform.central.databaseServer.findFirstOrThrow();
    expect(
      await caller.callAs(clinicAdmin, stopSessionAction, { serverId: server.id, pid: 1, mode: "cancel" }),
    ).toMatchObject({ ok: false, error: { code: "FORBIDDEN" } });
  });

  it("refuses hostile input with field errors, queueing nothing", async () => {
    const jobs = await platform.central.job.count();
    for (const input of [
      { subdomain: "birch'; DROP DATABASE x; --", operation: "vacuum" },
      { subdomain: "birch", operation: "VACUUM FULL" },
      { subdomain: ["birch"], operation: "vacuum" },
    ]) {
      expect(await caller.callAs(superAdmin, startClinicMaintenanceAction, input)).toMatchObject({
        ok: false,
        error: { code: "INVALID" },
      });
    }
    for (const input of [
      { serverId: "default", pid: 1, mode: "cancel" },
      { serverId: platform.server.id, pid: -1, mode: "cancel" },
      { serverId: platform.server.id, pid: 1.5, mode: "terminate" },
      { serverId: platform.server.id, pid: 1, mode: "kill -9" },
    ]) {
      expect(await caller.callAs(superAdmin, stopSessionAction, input)).toMatchObject({
        ok: false,
        error: { code: "INVALID" },
      });
    }
    expect(
      await caller.callAs(superAdmin, getMaintenanceJobAction, { jobId: "../../etc/passwd" }),
    ).toMatchObject({ ok: false, error: { code: "INVALID" } });
    expect(await platform.central.job.count()).toBe(jobs);
  });

  it("does not show jobs that are not maintenance", async () => {
    const other = await platform.central.job.create({ data: { kind: "backup-clinic" } });
    expect(await caller.callAs(superAdmin, getMaintenanceJobAction, { jobId: other.id })).toMatchObject({
      ok: false,
      error: { code: "NOT_FOUND" },
    });
    await platform.central.job.delete({ where: { id: other.id } });
  });
});
