import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { afterEach, beforeEach, expect, it } from "vitest";
import { adminQuery, createTestDatabase, type TestDatabase } from "../testing/databases";
import { PRISMA_MIGRATION_LOCK } from "./migration-applier";
import { migrationChecksum } from "./migration-files";
import { applyMigrations } from "./migrations";

let database: TestDatabase;
let migrationsDir: string;

beforeEach(async () => {
  database = await createTestDatabase("apply");
  migrationsDir = await mkdtemp(path.join(os.tmpdir(), "clinic-apply-"));
});

afterEach(async () => {
  await database.drop();
  await rm(migrationsDir, { recursive: true, force: true });
});

async function writeMigration(name: string, sql: string) {
  await mkdir(path.join(migrationsDir, name), { recursive: true });
  await writeFile(path.join(migrationsDir, name, "migration.sql"), sql);
}

const apply = () => applyMigrations({ migrationsDir, connectionString: database.url });

async function migrationRows() {
  const result = await adminQuery<{
    migration_name: string;
    checksum: string;
    finished: boolean;
    applied_steps_count: number;
    logs: string | null;
  }>(
    `SELECT migration_name, checksum, finished_at IS NOT NULL AS finished, applied_steps_count, logs
     FROM _prisma_migrations WHERE rolled_back_at IS NULL ORDER BY migration_name`,
    [],
    database.url,
  );
  return result.rows;
}

async function tableExists(name: string): Promise<boolean> {
  const result = await adminQuery<{ found: string | null }>(
    "SELECT to_regclass($1)::text AS found",
    [name],
    database.url,
  );
  return result.rows[0]?.found !== null;
}

const ROOMS_SQL = "CREATE TABLE rooms (id int PRIMARY KEY);\n";
const BEDS_SQL = "CREATE TABLE beds (id int PRIMARY KEY, room int REFERENCES rooms);\n";

it("applies every migration of a fresh database in order, each with its finished Prisma row", async () => {
  await writeMigration("20260102000000_beds", BEDS_SQL);
  await writeMigration("20260101000000_rooms", ROOMS_SQL);

  expect(await apply()).toEqual(["20260101000000_rooms", "20260102000000_beds"]);
  expect(await migrationRows()).toEqual([
    {
      migration_name: "20260101000000_rooms",
      checksum: migrationChecksum(ROOMS_SQL),
      finished: true,
      applied_steps_count: 1,
      logs: null,
    },
    expect.objectContaining({ migration_name: "20260102000000_beds", checksum: migrationChecksum(BEDS_SQL) }),
  ]);
  expect(await apply()).toEqual([]);
});

it("applies only what a partly migrated database lacks", async () => {
  await writeMigration("20260101000000_rooms", ROOMS_SQL);
  expect(await apply()).toEqual(["20260101000000_rooms"]);

  await writeMigration("20260102000000_beds", BEDS_SQL);
  await writeMigration("20260103000000_wards", "CREATE TABLE wards (id int);\n");

  expect(await apply()).toEqual(["20260102000000_beds", "20260103000000_wards"]);
  expect((await migrationRows()).map((row) => row.migration_name)).toEqual([
    "20260101000000_rooms",
    "20260102000000_beds",
    "20260103000000_wards",
  ]);
});

it("refuses to go on past a failed attempt another tool left, and applies nothing", async () => {
  await writeMigration("20260101000000_rooms", ROOMS_SQL);
  await apply();
  // What the schema engine leaves when a migration fails (or its process dies) half-way.
  await adminQuery(
    `INSERT INTO _prisma_migrations (id, checksum, migration_name, started_at, applied_steps_count)
     VALUES (gen_random_uuid()::text, 'x', '20260101500000_half_done', now(), 0)`,
    [],
    database.url,
  );
  await writeMigration("20260102000000_beds", BEDS_SQL);

  await expect(apply()).rejects.toThrow(
    `Database ${database.name}: migration 20260101500000_half_done failed earlier and is recorded as failed, ` +
      "so no new migration will be applied. Fix the migration's SQL (or the database), then mark it " +
      "rolled back with `npm run db:migrate -- --rolled-back 20260101500000_half_done` and migrate again.",
  );
  expect(await tableExists("beds")).toBe(false);
});

it("refuses a migration that cannot run in a transaction, saying why, and leaves nothing of it", async () => {
  await writeMigration("20260101000000_rooms", ROOMS_SQL);
  await writeMigration(
    "20260102000000_room_index",
    "CREATE TABLE wards (id int);\nCREATE INDEX CONCURRENTLY rooms_id ON rooms (id);\n",
  );

  const attempt = apply();

  await expect(attempt).rejects.toThrow(
    `Migration 20260102000000_room_index failed on database ${database.name}: PostgreSQL said: ` +
      "CREATE INDEX CONCURRENTLY cannot run inside a transaction block [25001]. Every migration runs " +
      "as one transaction",
  );
  expect(await tableExists("rooms")).toBe(true);
  expect(await tableExists("wards")).toBe(false);
  expect((await migrationRows()).map((row) => [row.migration_name, row.finished])).toEqual([
    ["20260101000000_rooms", true],
    ["20260102000000_room_index", false],
  ]);
});

it("lets two appliers at once apply each migration exactly once", async () => {
  for (let i = 1; i <= 6; i++) {
    await writeMigration(`2026010${i}000000_table_${i}`, `CREATE TABLE t${i} (id int);\n`);
  }

  const [first, second] = await Promise.all([apply(), apply()]);

  expect([...(first ?? []), ...(second ?? [])].sort()).toHaveLength(6);
  expect(new Set([...(first ?? []), ...(second ?? [])]).size).toBe(6);
  const rows = await migrationRows();
  expect(rows).toHaveLength(6);
  expect(rows.every((row) => row.finished)).toBe(true);
});

it("waits while Prisma's engine holds its migration lock", async () => {
  await writeMigration("20260101000000_rooms", ROOMS_SQL);
  // The engine takes the same key as a session lock for the whole of its run.
  const engine = new pg.Client({ connectionString: database.url });
  await engine.connect();
  try {
    await engine.query("SELECT pg_advisory_lock($1)", [PRISMA_MIGRATION_LOCK]);
    let done = false;
    const attempt = apply().finally(() => {
      done = true;
    });
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(done).toBe(false);
    expect(await tableExists("rooms")).toBe(false);

    await engine.query("SELECT pg_advisory_unlock($1)", [PRISMA_MIGRATION_LOCK]);
    expect(await attempt).toEqual(["20260101000000_rooms"]);
  } finally {
    await engine.end();
  }
});
