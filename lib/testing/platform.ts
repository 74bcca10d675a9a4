import { adminDatabaseUrl } from "./databases";
import { createPlatformFixture, type PlatformFixture } from "./platform-fixture";

export type TestPlatform = PlatformFixture;

/** A platform of this test's own on the test server; see createPlatformFixture. */
export function createTestPlatform(): Promise<TestPlatform> {
  return createPlatformFixture(adminDatabaseUrl());
}
