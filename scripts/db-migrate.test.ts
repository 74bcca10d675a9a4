import { expect, it } from "vitest";
import { runScriptToEnd } from "../lib/testing/child-process";
import { adminQuery, createTestDatabase } from "../lib/testing/databases";

async function runDbMigrate(databaseUrl: string) {
  const { code, stderr } = await runScriptToEnd("scripts/db-migrate.ts", [], {
    ...process.env,
    DATABASE_URL: databaseUrl,
  });
  return { code, stderr };
}

it.each([
  ["not a url", "DATABASE_URL is not a URL"],
  ["mysql://root@127.0.0.1:3306/db", "DATABASE_URL must start with postgresql://"],
  ["postgresql://postgres:s3cret@127.0.0.1:5432", "DATABASE_URL has no database name"],
])("answers a malformed DATABASE_URL (%s) with one clear line and exit code 1", async (url, message) => {
  const { code, stderr } = await runDbMigrate(url);

  expect(code).toBe(1);
  expect(stderr.trim().split("\n")).toHaveLength(1);
  expect(stderr).toContain(`error: ${message}`);
  expect(stderr).not.toContain("s3cret");
});

it("closes a central database the operator created to every role but the platform's own", async () => {
  const database = await createTestDatabase("central");
  const publicConnect = async () =>
    (
      await adminQuery<{ open: boolean }>(
        "SELECT has_database_privilege('public', oid, 'CONNECT') AS open FROM pg_database WHERE datname = $1",
        [database.name],
      )
    ).rows[0]?.open;
  try {
    expect(await publicConnect()).toBe(true);
    expect(await runDbMigrate(database.url)).toEqual({ code: 0, stderr: "" });
    expect(await publicConnect()).toBe(false);
  } finally {
    await database.drop();
  }
});
