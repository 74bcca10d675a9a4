import { type ChildProcess, spawn } from "node:child_process";
import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { adminQuery, createTestDatabase, type TestDatabase } from "../testing/databases";
import { applyMigrations } from "./migrations";
import { projectRoot } from "./project-root";

// A real child process, really SIGKILLed at the commit point of a migration: the database must be
// left with the migration and its row together, or with neither, and the next run must just work.

let database: TestDatabase;
let migrationsDir: string;

const ROOMS = "20260101000000_rooms";
const BEDS = "20260102000000_beds";

beforeEach(async () => {
  database = await createTestDatabase("kill");
  migrationsDir = await mkdtemp(path.join(os.tmpdir(), "clinic-kill-"));
  await writeMigration(ROOMS, "CREATE TABLE rooms (id int PRIMARY KEY);\n");
  await applyMigrations({ migrationsDir, connectionString: database.url });
  await writeMigration(BEDS, "CREATE TABLE beds (id int PRIMARY KEY, room int REFERENCES rooms);\n");
});

afterEach(async () => {
  await database.drop();
  await rm(migrationsDir, { recursive: true, force: true });
});

async function writeMigration(name: string, sql: string) {
  await mkdir(path.join(migrationsDir, name), { recursive: true });
  await writeFile(path.join(migrationsDir, name, "migration.sql"), sql);
}

/** Starts the child with the fault point set and resolves once it says it stopped there. */
function startChildUntil(point: "before-commit" | "after-commit"): Promise<ChildProcess> {
  // Node itself with tsx's loader: the tsx command would run the script in a grandchild, out of reach of the kill.
  const child = spawn(
    process.execPath,
    ["--import", "tsx", "lib/db/migration-kill-child.ts", migrationsDir, database.url],
    { cwd: projectRoot, env: { ...process.env, MIGRATION_FAULT_POINT: point }, stdio: "pipe" },
  );
  return new Promise((resolve, reject) => {
    let output = "";
    child.stdout.on("data", (chunk: Buffer) => {
      output += chunk.toString();
      if (output.includes(`migration fault point: ${point}`)) resolve(child);
    });
    child.stderr.on("data", (chunk: Buffer) => {
      output += chunk.toString();
    });
    child.on("exit", (code) => reject(new Error(`the child exited (${code}) before ${point}: ${output}`)));
  });
}

async function kill(child: ChildProcess) {
  const exited = new Promise((resolve) => child.once("exit", (_code, signal) => resolve(signal)));
  child.kill("SIGKILL");
  expect(await exited).toBe("SIGKILL");
}

/** The beds table (if any) and the migration rows, as `name:finished`. */
async function state() {
  const result = await adminQuery<{ beds: string | null; rows: string[] }>(
    `SELECT to_regclass('beds')::text AS beds,
            (SELECT array_agg(migration_name || ':' || (finished_at IS NOT NULL) ORDER BY migration_name)
             FROM _prisma_migrations) AS rows`,
    [],
    database.url,
  );
  return result.rows[0];
}

async function backendsOnDatabase(): Promise<number> {
  const active = await adminQuery<{ n: string }>(
    "SELECT count(*) AS n FROM pg_stat_activity WHERE datname = $1",
    [database.name],
  );
  return Number(active.rows[0]?.n);
}

describe("a migration killed at its commit point", () => {
  it("killed after its SQL and row were written but before COMMIT: neither is there, and the next run applies it", async () => {
    await kill(await startChildUntil("before-commit"));
    // The server ends the dead client's backend, rolling its transaction back.
    await expect.poll(backendsOnDatabase).toBe(0);

    expect(await state()).toEqual({ beds: null, rows: [`${ROOMS}:true`] });
    expect(await applyMigrations({ migrationsDir, connectionString: database.url })).toEqual([BEDS]);
    expect(await state()).toEqual({ beds: "beds", rows: [`${ROOMS}:true`, `${BEDS}:true`] });
  });

  it("killed just after COMMIT: both the table and its finished row, and the next run applies nothing", async () => {
    await kill(await startChildUntil("after-commit"));

    expect(await state()).toEqual({ beds: "beds", rows: [`${ROOMS}:true`, `${BEDS}:true`] });
    expect(await applyMigrations({ migrationsDir, connectionString: database.url })).toEqual([]);
  });
});
