import pg from "pg";
import { afterEach, expect, it } from "vitest";
import { adminDatabaseUrl, adminQuery } from "../testing/databases";
import { quoteIdent, quoteLiteral } from "./names";
import { scramVerifier } from "./role-password";

const role = `scram_probe_${process.pid}`;

afterEach(async () => {
  await adminQuery(`DROP ROLE IF EXISTS ${quoteIdent(role)}`);
});

it("stores a verifier PostgreSQL accepts as the role's password, never the password itself", async () => {
  await adminQuery(
    `CREATE ROLE ${quoteIdent(role)} LOGIN PASSWORD ${quoteLiteral(scramVerifier("correct horse"))}`,
  );

  const stored = await adminQuery<{ rolpassword: string }>(
    "SELECT rolpassword FROM pg_authid WHERE rolname = $1",
    [role],
  );
  expect(stored.rows[0]?.rolpassword).toMatch(/^SCRAM-SHA-256\$4096:/);
  expect(stored.rows[0]?.rolpassword).not.toContain("correct horse");

  // The server may trust local connections; a SCRAM handshake is checked where it asks for one.
  const url = new URL(adminDatabaseUrl());
  url.username = role;
  url.password = "correct horse";
  const client = new pg.Client({ connectionString: url.toString() });
  await client.connect();
  expect((await client.query("SELECT current_user AS who")).rows[0].who).toBe(role);
  await client.end();
});
