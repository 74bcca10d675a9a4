import { ClinicDatabaseService } from "../tenancy/clinic-database-service";
import { TenantRegistry } from "../tenancy/registry";
import type { TenantDb } from "../tenancy/tenant-db";
import { createTestPlatform, type TestPlatform } from "./platform";

/** One provisioned clinic, "maple", reached the way requests reach it: through a small registry. */
export type RegistryClinic = {
  platform: TestPlatform;
  registry: TenantRegistry;
  /** Runs `work` on maple's database through the registry (withTenantDb). */
  inClinic<T>(work: (db: TenantDb) => Promise<T>): Promise<T>;
  /** Closes the registry and drops the platform. */
  cleanup(): Promise<void>;
};

/** For a test file's beforeAll (and `cleanup` in its afterAll). */
export async function createRegistryClinic(): Promise<RegistryClinic> {
  const platform = await createTestPlatform();
  await new ClinicDatabaseService({ central: platform.central, env: platform.env }).provisionClinic({
    name: "Maple",
    subdomain: "maple",
    ownerId: platform.owner.id,
  });
  const registry = new TenantRegistry({
    central: platform.central,
    centralUrl: platform.centralUrl,
    budget: 2,
    poolMax: 2,
  });
  return {
    platform,
    registry,
    inClinic: (work) => registry.withTenantDb("maple", work),
    cleanup: async () => {
      await registry.close();
      await platform.cleanup();
    },
  };
}
