import { randomBytes } from "node:crypto";
import pg from "pg";
import { withDatabaseName } from "../db/database-url";
import { applyMigrations, SCHEMA_LOCATIONS } from "../db/migrations";
import { latestMigrationName, templateVersionComment } from "../tenancy/clinic-schema";
import { quoteIdent, quoteLiteral } from "../tenancy/names";

/** Databases migrated once per test run, which every test platform copies instead of migrating its own. */
export type TemplateDatabases = { central: string; tenant: string };

async function onServer<T>(adminUrl: string, work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: withDatabaseName(adminUrl, "postgres") });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

/** Builds the run's central and tenant templates at the newest migrations; `drop` removes both. */
export async function createTemplateDatabases(
  adminUrl: string,
): Promise<TemplateDatabases & { drop(): Promise<void> }> {
  const run = `test_tpl_${randomBytes(4).toString("hex")}`;
  const names = { central: `${run}_central`, tenant: `${run}_tenant` };
  await onServer(adminUrl, async (client) => {
    for (const name of Object.values(names)) await client.query(`CREATE DATABASE ${quoteIdent(name)}`);
  });
  await Promise.all([
    applyMigrations({
      ...SCHEMA_LOCATIONS.central,
      connectionString: withDatabaseName(adminUrl, names.central),
    }),
    applyMigrations({
      ...SCHEMA_LOCATIONS.tenant,
      connectionString: withDatabaseName(adminUrl, names.tenant),
    }),
  ]);
  return {
    ...names,
    drop: () =>
      onServer(adminUrl, async (client) => {
        for (const name of Object.values(names))
          await client.query(`DROP DATABASE IF EXISTS ${quoteIdent(name)} WITH (FORCE)`);
      }),
  };
}

/**
 * A new platform's central database and its server's clinic template, copied from the run's
 * templates: the state `prepareCentralDatabase` and the first `ensureTemplateDatabase` would leave.
 */
export async function copyTemplateDatabases(
  adminUrl: string,
  templates: TemplateDatabases,
  target: { central: string; tenantTemplate: string },
): Promise<void> {
  const comment = templateVersionComment(await latestMigrationName());
  await onServer(adminUrl, async (client) => {
    const central = quoteIdent(target.central);
    const tenant = quoteIdent(target.tenantTemplate);
    await client.query(`CREATE DATABASE ${central} TEMPLATE ${quoteIdent(templates.central)}`);
    // As prepareCentralDatabase does for a database it creates: clinic roles may not connect.
    await client.query(`REVOKE ALL ON DATABASE ${central} FROM PUBLIC`);
    await client.query(`CREATE DATABASE ${tenant} TEMPLATE ${quoteIdent(templates.tenant)}`);
    await client.query(`ALTER DATABASE ${tenant} WITH IS_TEMPLATE true ALLOW_CONNECTIONS false`);
    await client.query(`COMMENT ON DATABASE ${tenant} IS ${quoteLiteral(comment)}`);
  });
}
