import { inject } from "vitest";
import { getCentralDb } from "../db/central";
import { getTenantRegistry } from "../tenancy/tenant-db";
import { adminDatabaseUrl } from "./databases";
import { createPlatformFixture, type PlatformFixture } from "./platform-fixture";

export type TestPlatform = PlatformFixture;

/** A platform of this test's own on the test server; see createPlatformFixture. */
export function createTestPlatform(): Promise<TestPlatform> {
  return createPlatformFixture(adminDatabaseUrl(), { templates: inject("templateDatabases") });
}

/**
 * A test platform that this process's server code uses: DATABASE_URL and TENANT_NAME_PREFIX point
 * at it, so server actions (which find the central database and clinic clients themselves) reach
 * it. The process keeps its first central client, so a test file makes one of these, once.
 */
export async function createProcessPlatform(): Promise<TestPlatform> {
  const platform = await createTestPlatform();
  process.env.DATABASE_URL = platform.centralUrl;
  process.env.TENANT_NAME_PREFIX = platform.prefix;
  return {
    ...platform,
    cleanup: async () => {
      await getTenantRegistry().close();
      await getCentralDb().$disconnect();
      await platform.cleanup();
    },
  };
}
