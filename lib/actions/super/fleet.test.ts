import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { settleBackgroundWork } from "@/lib/background-work";
import type { User } from "@/lib/generated/central/client";
import { findFleetRunProgress, findFleetStatus } from "@/lib/super/fleet";
import { ClinicDatabaseService } from "@/lib/tenancy/clinic-database-service";
import { latestMigrationName } from "@/lib/tenancy/clinic-schema";
import { createProcessPlatform, type TestPlatform } from "@/lib/testing/platform";
import { createPlatformUser, platformCaller } from "@/lib/testing/platform-users";
import { TEST_CLIENT } from "@/lib/testing/requests";
import { ROLE_REFUSED } from "@/lib/testing/roles";
import { startFleetRolloutAction } from "./start-fleet-rollout";

let platform: TestPlatform;
let caller: ReturnType<typeof platformCaller>;
let superAdmin: User;

beforeAll(async () => {
  platform = await createProcessPlatform();
  caller = platformCaller(platform.central);
  superAdmin = await createPlatformUser(platform.central, { role: "SUPER_ADMIN" });
});

afterAll(async () => {
  await settleBackgroundWork();
  await platform?.cleanup();
});

const startRollout = (user: User = superAdmin) => caller.callAs(user, startFleetRolloutAction, {});

/** Another rollout (the CLI's, another dashboard's): its job is running. */
async function runningRollout() {
  return platform.central.job.create({ data: { kind: "fleet-rollout", state: "RUNNING" } });
}

const runsAndAudits = async () => ({
  runs: await platform.central.fleetRun.count(),
  audits: await platform.central.auditEvent.count(),
});

describe("rolling out tenant migrations from the dashboard", () => {
  it("refuses while another rollout is under way, and starts nothing", async () => {
    const before = await runsAndAudits();
    const other = await runningRollout();
    try {
      expect(await startRollout()).toEqual({
        ok: false,
        error: {
          code: "CONFLICT",
          message: "Another schema rollout is queued or running. Wait for it to finish, then run again.",
        },
      });
    } finally {
      await platform.central.job.delete({ where: { id: other.id } });
    }
    await settleBackgroundWork();
    expect(await runsAndAudits()).toEqual(before);
  });

  it("returns the run id at once and finishes the run in the background", async () => {
    const service = new ClinicDatabaseService({ central: platform.central, env: platform.env });
    await service.provisionClinic({ name: "Cedar Clinic", subdomain: "cedar", ownerId: platform.owner.id });
    const target = await latestMigrationName();
    // A clinic recorded one version behind: the run connects to it and finds nothing left to apply,
    // so it counts as already up to date, not as migrated.
    await platform.central.clinic.update({ where: { subdomain: "cedar" }, data: { schemaVersion: null } });
    expect(await findFleetStatus({ central: platform.central })).toMatchObject({
      target,
      total: 1,
      atTarget: 0,
      behind: 1,
    });

    const result = await startRollout();
    if (!result.ok) throw new Error(result.error.message);
    await settleBackgroundWork();

    const progress = await findFleetRunProgress({ central: platform.central, runId: result.data.runId });
    expect(progress).toMatchObject({
      status: "SUCCEEDED",
      targetVersion: target,
      total: 1,
      succeeded: 0,
      upToDate: 1,
      failed: 0,
      pending: 0,
      failures: [],
    });
    expect(await findFleetStatus({ central: platform.central })).toMatchObject({ atTarget: 1, behind: 0 });
    expect(
      await platform.central.auditEvent.findFirstOrThrow({ where: { action: "fleet.rollout-started" } }),
    ).toMatchObject({
      actorId: superAdmin.id,
      targetType: "fleet-run",
      targetId: result.data.runId,
      ip: TEST_CLIENT.ip,
    });
  });

  it("refuses a clinic admin, and starts nothing", async () => {
    const before = await runsAndAudits();
    expect(await startRollout(platform.owner)).toEqual(ROLE_REFUSED);
    await settleBackgroundWork();
    expect(await runsAndAudits()).toEqual(before);
  });
});
