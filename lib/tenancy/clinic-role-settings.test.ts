import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Clinic } from "../generated/central/client";
import { adminQuery } from "../testing/databases";
import { createTestPlatform, type TestPlatform } from "../testing/platform";
import { ClinicDatabaseService } from "./clinic-database-service";
import { backfillClinicRoleSettings, clinicRoleSettings } from "./clinic-role-settings";
import { quoteIdent } from "./names";

let platform: TestPlatform;
let clinic: Clinic;

beforeAll(async () => {
  platform = await createTestPlatform();
  const service = new ClinicDatabaseService({ central: platform.central, env: platform.env });
  clinic = await service.provisionClinic({ name: "Acme", subdomain: "acme", ownerId: platform.owner.id });
});

afterAll(async () => {
  await platform?.cleanup();
});

/** The role's own settings, as PostgreSQL keeps them. */
async function roleSettings(): Promise<string[]> {
  const { rows } = await adminQuery<{ setconfig: string[] | null }>(
    `SELECT s.setconfig FROM pg_roles r
       LEFT JOIN pg_db_role_setting s ON s.setrole = r.oid AND s.setdatabase = 0
      WHERE r.rolname = $1`,
    [clinic.roleName],
  );
  return rows[0]?.setconfig ?? [];
}

describe("the clinic role's statement and lock timeouts", () => {
  it("are the request's budget and one query's timeout", () => {
    expect(
      clinicRoleSettings({ connectTimeoutMs: 5_000, queryTimeoutMs: 5_000, keepAliveDelayMs: 1 }),
    ).toEqual({
      statement_timeout: "10000",
      lock_timeout: "5000",
    });
  });

  it("are set on the role when the clinic is provisioned", async () => {
    expect(await roleSettings()).toEqual(["statement_timeout=10000", "lock_timeout=5000"]);
  });

  it("are given by the backfill to a role without them; a dry run only lists it, and a second run changes nothing", async () => {
    await adminQuery(`ALTER ROLE ${quoteIdent(clinic.roleName)} RESET ALL`);
    const dryRun = await backfillClinicRoleSettings({ central: platform.central, dryRun: true });
    expect(dryRun).toEqual([{ server: "default", updated: [clinic.roleName], unchanged: 0 }]);
    expect(await roleSettings()).toEqual([]);

    expect(await backfillClinicRoleSettings({ central: platform.central })).toEqual([
      { server: "default", updated: [clinic.roleName], unchanged: 0 },
    ]);
    expect(await roleSettings()).toEqual(["statement_timeout=10000", "lock_timeout=5000"]);
    expect(await backfillClinicRoleSettings({ central: platform.central })).toEqual([
      { server: "default", updated: [], unchanged: 1 },
    ]);
  });

  it("follow changed timeouts when the backfill runs again", async () => {
    const settings = clinicRoleSettings({
      connectTimeoutMs: 3_000,
      queryTimeoutMs: 20_000,
      keepAliveDelayMs: 1,
    });
    expect(await backfillClinicRoleSettings({ central: platform.central, settings })).toEqual([
      { server: "default", updated: [clinic.roleName], unchanged: 0 },
    ]);
    expect(await roleSettings()).toEqual(["statement_timeout=23000", "lock_timeout=20000"]);
  });
});
