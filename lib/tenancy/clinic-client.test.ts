import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Clinic } from "../generated/central/client";
import { adminQuery } from "../testing/databases";
import { createTestPlatform, type TestPlatform } from "../testing/platform";
import { openClinicClient } from "./clinic-client";
import { ClinicDatabaseService } from "./clinic-database-service";

let platform: TestPlatform;
let clinic: Clinic;

beforeAll(async () => {
  platform = await createTestPlatform();
  clinic = await new ClinicDatabaseService({ central: platform.central, env: platform.env }).provisionClinic({
    name: "Cedar Clinic",
    subdomain: "cedar",
    ownerId: platform.owner.id,
  });
});

afterAll(async () => {
  await platform?.cleanup();
});

/** Sessions the clinic's own role holds on the server right now. */
async function roleSessions(): Promise<number> {
  const result = await adminQuery<{ count: string }>(
    "SELECT count(*) FROM pg_stat_activity WHERE usename = $1",
    [clinic.roleName],
  );
  return Number(result.rows[0]?.count);
}

describe("openClinicClient", () => {
  it("reaches the clinic's own database as the clinic's role, and close() ends its connections", async () => {
    const client = await openClinicClient({ central: platform.central, subdomain: "cedar" });
    const [reached] = await client.db.$queryRaw<[{ database: string; role: string }]>`
      SELECT current_database() AS database, current_user AS role`;
    expect(reached).toEqual({ database: clinic.databaseName, role: clinic.roleName });
    expect(await client.db.clinicSetting.findFirst()).toMatchObject({ name: "Cedar Clinic" });
    expect(await roleSessions()).toBeGreaterThan(0);

    await client.close();
    // The server drops a backend's row a moment after its socket closes.
    for (let attempt = 0; (await roleSessions()) > 0 && attempt < 50; attempt++) {
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    expect(await roleSessions()).toBe(0);
  });

  it("answers not found for a subdomain no clinic has, without connecting", async () => {
    await expect(
      openClinicClient({ central: platform.central, subdomain: "nobody-here" }),
    ).rejects.toMatchObject({
      code: "NOT_FOUND",
      message: "No clinic at this address.",
    });
    expect(await roleSessions()).toBe(0);
  });
});
