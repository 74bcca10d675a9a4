import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ServerAction } from "@/lib/action-pipeline/result";
import { settleBackgroundWork } from "@/lib/background-work";
import { registerClinicRow } from "@/lib/testing/clinic-rows";
import { createProcessPlatform, type TestPlatform } from "@/lib/testing/platform";
import { createPlatformUser, platformCaller } from "@/lib/testing/platform-users";
import { ROLE_REFUSED } from "@/lib/testing/roles";
import { addDatabaseServerAction } from "./add-database-server";
import { createClinicAdminAction } from "./create-clinic-admin";
import { disableClinicAdminAction } from "./disable-clinic-admin";
import { enableClinicAdminAction } from "./enable-clinic-admin";
import { resetClinicAdminPasswordAction } from "./reset-clinic-admin-password";
import { resumeClinicAction } from "./resume-clinic";
import { startFleetRolloutAction } from "./start-fleet-rollout";
import { suspendClinicAction } from "./suspend-clinic";
import { updateDatabaseServerAction } from "./update-database-server";

let platform: TestPlatform;
let caller: ReturnType<typeof platformCaller>;

beforeAll(async () => {
  platform = await createProcessPlatform();
  caller = platformCaller(platform.central);
});

afterAll(async () => {
  await settleBackgroundWork();
  await platform?.cleanup();
});

/** Every super action, with input it would accept from a super admin, against a clinic of the test's own. */
async function everySuperAction(subdomain: string): Promise<[string, ServerAction<unknown>, unknown][]> {
  const target = await createPlatformUser(platform.central, { role: "CLINIC_ADMIN" });
  // A registered clinic row is enough: a refused action must never reach its database.
  const clinic = await registerClinicRow(platform, { subdomain, ownerId: target.id });
  const server = { name: "extra", host: "127.0.0.1", port: 5432, adminUser: "postgres", adminPassword: "" };
  return [
    ["create clinic admin", createClinicAdminAction, { name: "Eve", email: `eve-${subdomain}@clinics.test` }],
    ["disable clinic admin", disableClinicAdminAction, { userId: target.id }],
    ["enable clinic admin", enableClinicAdminAction, { userId: target.id }],
    ["reset clinic admin password", resetClinicAdminPasswordAction, { userId: target.id }],
    ["suspend clinic", suspendClinicAction, { clinicId: clinic.id, reason: "Testing permissions" }],
    ["resume clinic", resumeClinicAction, { clinicId: clinic.id }],
    ["add database server", addDatabaseServerAction, { ...server, capacity: 10 }],
    [
      "update database server",
      updateDatabaseServerAction,
      { serverId: platform.server.id, capacity: 1, status: "OFFLINE", poolerHost: "", poolerPort: 6432 },
    ],
    ["start fleet rollout", startFleetRolloutAction, {}],
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
    const clinicAdmin = await createPlatformUser(platform.central, { role: "CLINIC_ADMIN" });
    const actions = await everySuperAction("aspen");
    await caller.requestAs(clinicAdmin);
    const before = await snapshot();

    for (const [name, action, input] of actions)
      expect({ name, result: await caller.callAs(clinicAdmin, action, input) }).toEqual({
        name,
        result: ROLE_REFUSED,
      });
    await settleBackgroundWork();
    expect(await snapshot()).toEqual(before);
  });

  it("refuses every super action to a super admin who has not changed a temporary password", async () => {
    const superAdmin = await createPlatformUser(platform.central, { role: "SUPER_ADMIN" });
    const actions = await everySuperAction("birch");
    await caller.requestAs(superAdmin);
    await platform.central.user.update({ where: { id: superAdmin.id }, data: { mustChangePassword: true } });
    const before = await snapshot();

    for (const [name, action, input] of actions)
      expect({ name, result: await caller.callAs(superAdmin, action, input) }).toEqual({
        name,
        result: { ok: false, error: { code: "FORBIDDEN", message: "Change your temporary password first." } },
      });
    await settleBackgroundWork();
    expect(await snapshot()).toEqual(before);
  });
});
