import pg from "pg";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { User } from "@/lib/generated/central/client";
import { findFleetRunProgress, findFleetStatus } from "@/lib/super/fleet";
import { contextOf, createPlatformUser } from "@/lib/super/testing";
import { ClinicDatabaseService } from "@/lib/tenancy/clinic-database-service";
import { latestMigrationName } from "@/lib/tenancy/clinic-schema";
import { createTestPlatform, type TestPlatform } from "@/lib/testing/platform";
import { createStartFleetRolloutAction } from "./start-fleet-rollout";

let platform: TestPlatform;
let superAdmin: User;
let background: Promise<unknown>[];

beforeEach(async () => {
  platform = await createTestPlatform();
  superAdmin = await createPlatformUser(platform.central, { role: "SUPER_ADMIN" });
  background = [];
});

afterEach(async () => {
  await Promise.all(background);
  await platform.cleanup();
});

const startRollout = () =>
  createStartFleetRolloutAction({
    centralUrl: () => platform.centralUrl,
    env: platform.env,
    keepRunning: (run) => background.push(run),
  })({}, contextOf(superAdmin, platform.central));

/** Another rollout (the CLI's, another dashboard's), as far as the fleet's lock can tell. */
async function holdFleetLock() {
  const client = new pg.Client({ connectionString: platform.centralUrl });
  await client.connect();
  await client.query("SELECT pg_advisory_lock(hashtext('clinic-platform:fleet-run'))");
  return client;
}

describe("rolling out tenant migrations from the dashboard", () => {
  it("refuses while another rollout holds the lock, and starts nothing", async () => {
    const held = await holdFleetLock();
    try {
      const result = await startRollout();
      expect(result).toMatchObject({
        ok: false,
        error: {
          code: "CONFLICT",
          message: "Another schema rollout is running. Wait for it to finish, then run again.",
        },
      });
    } finally {
      await held.end();
    }
    expect(await platform.central.fleetRun.count()).toBe(0);
    expect(await platform.central.auditEvent.count()).toBe(0);
  });

  it("returns the run id at once and finishes the run in the background", async () => {
    const service = new ClinicDatabaseService({ central: platform.central, env: platform.env });
    await service.provisionClinic({ name: "Cedar Clinic", subdomain: "cedar", ownerId: platform.owner.id });
    const target = await latestMigrationName();
    // A clinic recorded one version behind: the run connects to it and finds nothing left to apply.
    await platform.central.clinic.update({ where: { subdomain: "cedar" }, data: { schemaVersion: null } });
    expect(await findFleetStatus({ central: platform.central })).toMatchObject({
      target,
      total: 1,
      atTarget: 0,
      behind: 1,
    });

    const result = await startRollout();
    if (!result.ok) throw new Error(result.error.message);
    await Promise.all(background);

    const progress = await findFleetRunProgress({ central: platform.central, runId: result.data.runId });
    expect(progress).toMatchObject({
      status: "SUCCEEDED",
      targetVersion: target,
      total: 1,
      succeeded: 1,
      failed: 0,
      pending: 0,
      failures: [],
    });
    expect(await findFleetStatus({ central: platform.central })).toMatchObject({ atTarget: 1, behind: 0 });
    expect(
      await platform.central.auditEvent.findFirstOrThrow({ where: { action: "fleet.rollout-started" } }),
    ).toMatchObject({ actorId: superAdmin.id, targetType: "fleet-run", targetId: result.data.runId });
  });
});
