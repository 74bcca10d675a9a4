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

/**
 * Connects with `url`'s credentials to `database` and reads its patients: "connected", or the
 * server's refusal (the tests of who may reach a restored or copied clinic).
 */
export async function tryClinicConnect(url: string, database: string): Promise<string> {
  const client = new pg.Client({ connectionString: withDatabaseName(url, database) });
  client.on("error", () => {});
  try {
    await client.connect();
    await client.query("SELECT count(*) FROM patients");
    return "connected";
  } catch (error) {
    return (error as Error).message;
  } finally {
    await client.end().catch(() => {});
  }
}
