import { randomBytes } from "node:crypto";
import { hashPassword } from "../auth/password";
import { type CentralDb, createCentralClient } from "../db/central";
import { withDatabaseName } from "../db/database-url";
import { prepareCentralDatabase } from "../db/platform";
import type { DatabaseServer, User } from "../generated/central/client";
import { templateDatabaseName } from "../tenancy/names";
import { dropObjectsWithPrefix } from "../tenancy/prefix-cleanup";
import { ensureDefaultServer } from "../tenancy/servers";
import { copyTemplateDatabases, type TemplateDatabases } from "./template-databases";

export type PlatformFixture = {
  central: CentralDb;
  centralUrl: string;
  server: DatabaseServer;
  /** A clinic admin who can own clinics. */
  owner: User;
  /** Env with this platform's own TENANT_NAME_PREFIX, so its clinic databases and roles are its own. */
  env: NodeJS.ProcessEnv;
  prefix: string;
  cleanup(): Promise<void>;
};

/**
 * A platform of its own on the server of `adminUrl`, for tests and benchmarks: a migrated central
 * database and a name prefix for everything it makes, the default server and one clinic admin
 * (from the run's templates when given, else migrated here);
 * `cleanup` drops every database and role with that prefix (the central one included).
 */
export async function createPlatformFixture(
  adminUrl: string,
  options: { label?: string; templates?: TemplateDatabases } = {},
): Promise<PlatformFixture> {
  const prefix = `${options.label ?? "t"}${randomBytes(3).toString("hex")}_`;
  const centralUrl = withDatabaseName(adminUrl, `${prefix}central`);
  if (options.templates) {
    await copyTemplateDatabases(adminUrl, options.templates, {
      central: `${prefix}central`,
      tenantTemplate: templateDatabaseName({ env: { TENANT_NAME_PREFIX: prefix } }),
    });
  } else {
    await prepareCentralDatabase(centralUrl);
  }
  const central = createCentralClient(centralUrl, 3);
  // A copied template would share its platform identity with every other test platform.
  await central.$executeRaw`UPDATE platform_instance SET id = gen_random_uuid()`;
  const server = await ensureDefaultServer(central, adminUrl);
  const owner = await central.user.create({
    data: {
      email: `owner-${prefix}@clinics.test`,
      name: "Olive Owner",
      role: "CLINIC_ADMIN",
      passwordHash: await hashPassword("owner-password"),
    },
  });
  return {
    central,
    centralUrl,
    server,
    owner,
    prefix,
    env: { ...process.env, TENANT_NAME_PREFIX: prefix },
    cleanup: async () => {
      await central.$disconnect();
      await dropObjectsWithPrefix(adminUrl, prefix);
    },
  };
}
