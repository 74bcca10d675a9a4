import { chmod, mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { adminDatabaseUrl } from "../testing/databases";
import { checkPgTools, checkPgToolsAt } from "./pg-tools-check";

let dir: string;

/** A folder whose pg_dump and pg_restore report that major version. */
async function fakeTools(major: number): Promise<string> {
  const bin = await mkdtemp(path.join(dir, `pg${major}-`));
  for (const tool of ["pg_dump", "pg_restore"]) {
    await writeFile(path.join(bin, tool), `#!/bin/sh\necho "${tool} (PostgreSQL) ${major}.1"\n`);
    await chmod(path.join(bin, tool), 0o755);
  }
  return bin;
}

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), "pg-tools-check-"));
});

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe("checking pg_dump and pg_restore for backups", () => {
  it("says they were not found, how to install them and PG_BIN_DIR, when PG_BIN_DIR is an empty folder", async () => {
    const empty = await mkdtemp(path.join(dir, "empty-"));
    expect(await checkPgTools(170002, { ...process.env, PG_BIN_DIR: empty })).toEqual({
      ok: false,
      reason:
        "Backups and restores will fail: pg_dump was not found: install Debian's postgresql-client (apt-get install postgresql-client), version 17 or newer. Or set PG_BIN_DIR to the folder that holds them.",
    });
  });

  it("says which tool is too old for the server", async () => {
    const status = await checkPgTools(170002, { ...process.env, PG_BIN_DIR: await fakeTools(15) });
    expect(status).toMatchObject({ ok: false });
    expect(!status.ok && status.reason).toContain(
      "pg_dump is version 15, older than the database server (17)",
    );
  });

  it("accepts tools as new as the server or newer", async () => {
    expect(await checkPgTools(170002, { ...process.env, PG_BIN_DIR: await fakeTools(17) })).toEqual({
      ok: true,
    });
    expect(await checkPgTools(160004, { ...process.env, PG_BIN_DIR: await fakeTools(18) })).toEqual({
      ok: true,
    });
  });

  it("finds this machine's real tools fit for the test server", async () => {
    const { PG_BIN_DIR: _unset, ...env } = process.env;
    expect(await checkPgToolsAt(adminDatabaseUrl(), env)).toEqual({ ok: true });
  });
});
