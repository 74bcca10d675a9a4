import { execFileSync } from "node:child_process";
import { chmod, mkdir, mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { afterEach, beforeEach, expect, it } from "vitest";
import { findFreePort, startEmbeddedPostgres } from "./embedded-server";

let dataDir: string;

beforeEach(async () => {
  dataDir = await mkdtemp(path.join(os.tmpdir(), "clinic-embedded-"));
  await chmod(dataDir, 0o755);
});

afterEach(async () => {
  await rm(dataDir, { recursive: true, force: true });
});

async function query(url: string, sql: string) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query(sql)).rows;
  } finally {
    await client.end();
  }
}

function postgresProcessesUsing(dir: string): number {
  const out = execFileSync("ps", ["-eo", "args"], { encoding: "utf8" });
  return out.split("\n").filter((line) => line.includes(dir)).length;
}

it("keeps its data across a stop and a second start, and leaves no postgres process behind", async () => {
  const first = await startEmbeddedPostgres({ dataDir, port: await findFreePort(57432) });
  await query(first.adminUrl, "CREATE TABLE kept (note text); INSERT INTO kept VALUES ('still here')");
  await first.stop();
  expect(postgresProcessesUsing(dataDir)).toBe(0);

  const second = await startEmbeddedPostgres({ dataDir, port: await findFreePort(57432) });
  expect(await query(second.adminUrl, "SELECT note FROM kept")).toEqual([{ note: "still here" }]);
  expect(await query(second.adminUrl, "SHOW server_version")).toEqual([
    { server_version: expect.stringMatching(/^15\./) },
  ]);
  await second.stop();
  expect(postgresProcessesUsing(dataDir)).toBe(0);
});

it("takes the next port when the preferred one is busy", async () => {
  const preferred = await findFreePort(58432);
  const blocker = await startEmbeddedPostgres({ dataDir, port: preferred });
  try {
    expect(await findFreePort(preferred)).toBe(preferred + 1);
  } finally {
    await blocker.stop();
  }
});

// Only root hands the server to a "postgres" user; this machine and CI run as root.
it.runIf(process.getuid?.() === 0)(
  "says what to do when the postgres user cannot reach the data folder",
  async () => {
    const hidden = path.join(dataDir, "private");
    await mkdir(hidden, { mode: 0o700 });
    await expect(startEmbeddedPostgres({ dataDir: path.join(hidden, "data") })).rejects.toThrow(
      `Embedded PostgreSQL runs as the "postgres" user, which cannot enter ${hidden} (mode 700). Run: chmod o+x ${hidden}`,
    );
  },
);
