import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { User } from "@/lib/generated/central/client";
import { contextOf, createPlatformUser } from "@/lib/super/testing";
import { createTestPlatform, type TestPlatform } from "@/lib/testing/platform";
import type { PlatformAction } from "../platform-action";
import { addDatabaseServerAction } from "./add-database-server";
import { createClinicAdminAction } from "./create-clinic-admin";
import { disableClinicAdminAction } from "./disable-clinic-admin";
import { enableClinicAdminAction } from "./enable-clinic-admin";
import { resetClinicAdminPasswordAction } from "./reset-clinic-admin-password";
import { resumeClinicAction } from "./resume-clinic";
import { createStartFleetRolloutAction } from "./start-fleet-rollout";
import { suspendClinicAction } from "./suspend-clinic";
import { updateDatabaseServerAction } from "./update-database-server";

let platform: TestPlatform;
let clinicAdmin: User;
let superAdmin: User;
let clinicId: string;

beforeEach(async () => {
  platform = await createTestPlatform();
  clinicAdmin = await createPlatformUser(platform.central, { role: "CLINIC_ADMIN" });
  superAdmin = await createPlatformUser(platform.central, { role: "SUPER_ADMIN" });
  // A registered clinic row is enough: a refused action must never reach its database.
  const clinic = await platform.central.clinic.create({
    data: {
      name: "Aspen Clinic",
      subdomain: "aspen",
      status: "ACTIVE",
      ownerId: clinicAdmin.id,
      databaseServerId: platform.server.id,
      databaseName: `${platform.prefix}clinic_aspen_db`,
      roleName: `${platform.prefix}clinic_aspen_role`,
    },
  });
  clinicId = clinic.id;
});

afterEach(async () => {
  await platform.cleanup();
});

/** Every super action with input it would accept from a super admin. */
function everySuperAction(): [string, PlatformAction<unknown>, unknown][] {
  const startFleetRollout = createStartFleetRolloutAction({
    centralUrl: () => platform.centralUrl,
    env: platform.env,
    keepRunning: () => {},
  });
  const server = { name: "extra", host: "127.0.0.1", port: 5432, adminUser: "postgres", adminPassword: "" };
  return [
    ["create clinic admin", createClinicAdminAction, { name: "Eve", email: "eve@clinics.test" }],
    ["disable clinic admin", disableClinicAdminAction, { userId: platform.owner.id }],
    ["enable clinic admin", enableClinicAdminAction, { userId: platform.owner.id }],
    ["reset clinic admin password", resetClinicAdminPasswordAction, { userId: platform.owner.id }],
    ["suspend clinic", suspendClinicAction, { clinicId, reason: "Testing permissions" }],
    ["resume clinic", resumeClinicAction, { clinicId }],
    ["add database server", addDatabaseServerAction, { ...server, capacity: 10 }],
    [
      "update database server",
      updateDatabaseServerAction,
      { serverId: platform.server.id, capacity: 1, status: "OFFLINE" },
    ],
    ["start fleet rollout", startFleetRollout, {}],
  ];
}

/** Everything a super action could change. */
async function snapshot() {
  const { central } = platform;
  return {
    users: await central.user.findMany({ orderBy: { email: "asc" } }),
    sessions: await central.authSession.findMany({ orderBy: { id: "asc" } }),
    clinics: await central.clinic.findMany({ orderBy: { subdomain: "asc" } }),
    servers: await central.databaseServer.findMany({ orderBy: { name: "asc" } }),
    fleetRuns: await central.fleetRun.count(),
    auditEvents: await central.auditEvent.count(),
  };
}

describe("who may run super actions", () => {
  it("refuses every super action to a clinic admin, and nothing changes", async () => {
    const before = await snapshot();
    for (const [name, action, input] of everySuperAction()) {
      const result = await action(input, contextOf(clinicAdmin, platform.central));
      expect({ name, result }).toEqual({
        name,
        result: { ok: false, error: { code: "FORBIDDEN", message: "Your role does not allow this." } },
      });
    }
    expect(await snapshot()).toEqual(before);
  });

  it("refuses every super action to a super admin who has not changed a temporary password", async () => {
    const before = await snapshot();
    const context = contextOf(superAdmin, platform.central);
    for (const [name, action, input] of everySuperAction()) {
      const result = await action(input, {
        ...context,
        session: { ...context.session, mustChangePassword: true },
      });
      expect({ name, code: result.ok ? "ok" : result.error.code }).toEqual({ name, code: "FORBIDDEN" });
    }
    expect(await snapshot()).toEqual(before);
  });
});
