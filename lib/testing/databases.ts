import { randomBytes } from "node:crypto";
import pg from "pg";
import { inject } from "vitest";
import { withDatabaseName } from "../db/database-url";
import { quoteIdent } from "../tenancy/names";

export type TestDatabase = { name: string; url: string; drop(): Promise<void> };

export function adminDatabaseUrl(): string {
  return inject("adminDatabaseUrl");
}

/** Runs one statement on the test server's admin database. */
export async function adminQuery<R extends pg.QueryResultRow = pg.QueryResultRow>(
  sql: string,
  values: unknown[] = [],
  url = adminDatabaseUrl(),
): Promise<pg.QueryResult<R>> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await client.query<R>(sql, values);
  } finally {
    await client.end();
  }
}

/** A new, empty database of this test's own; `drop` removes it even with sessions still open. */
export async function createTestDatabase(label = "t"): Promise<TestDatabase> {
  const name = `test_${label}_${randomBytes(5).toString("hex")}`;
  await adminQuery(`CREATE DATABASE ${quoteIdent(name)}`);
  return {
    name,
    url: withDatabaseName(adminDatabaseUrl(), name),
    drop: async () => {
      await adminQuery(`DROP DATABASE IF EXISTS ${quoteIdent(name)} WITH (FORCE)`);
    },
  };
}
