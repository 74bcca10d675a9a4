import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterEach, beforeEach, expect, it } from "vitest";
import { adminQuery, createTestDatabase, type TestDatabase } from "../testing/databases";
import { applyMigrations, markMigrationRolledBack, SCHEMA_LOCATIONS } from "./migrations";

let database: TestDatabase;
let migrationsDir: string;

beforeEach(async () => {
  database = await createTestDatabase("fail");
  migrationsDir = await mkdtemp(path.join(os.tmpdir(), "clinic-failing-"));
});

afterEach(async () => {
  await database.drop();
  await rm(migrationsDir, { recursive: true, force: true });
});

async function writeMigration(name: string, sql: string) {
  await mkdir(path.join(migrationsDir, name), { recursive: true });
  await writeFile(path.join(migrationsDir, name, "migration.sql"), sql);
}

const options = () => ({
  schemaPath: SCHEMA_LOCATIONS.tenant.schemaPath,
  migrationsDir,
  connectionString: database.url,
});

async function migrationRows() {
  const result = await adminQuery<{
    migration_name: string;
    finished_at: Date | null;
    rolled_back_at: Date | null;
  }>(
    "SELECT migration_name, finished_at, rolled_back_at FROM _prisma_migrations ORDER BY started_at",
    [],
    database.url,
  );
  return result.rows;
}

it("names the failed migration and PostgreSQL's error, records it, refuses the next run, and recovers", async () => {
  await writeMigration("20260101000000_rooms", "CREATE TABLE rooms (id int);\n");
  await writeMigration(
    "20260102000000_beds",
    // The function body's ";" must not split the script; line 3 is the mistake.
    "CREATE TABLE beds (id int);\nCREATE FUNCTION bed_count() RETURNS bigint LANGUAGE sql AS 'SELECT count(*) FROM beds;';\nSELECT * FROM missing_table;\n",
  );

  await expect(applyMigrations(options())).rejects.toThrow(
    `Migration 20260102000000_beds failed on database ${database.name}: ` +
      'PostgreSQL said: relation "missing_table" does not exist [42P01] (migration.sql line 3)',
  );
  const rows = await migrationRows();
  expect(rows.map((row) => [row.migration_name, row.finished_at === null])).toEqual([
    ["20260101000000_rooms", false],
    ["20260102000000_beds", true],
  ]);
  // One transaction per migration: the failed one left no table behind.
  const beds = await adminQuery("SELECT to_regclass('beds') AS beds", [], database.url);
  expect(beds.rows[0]?.beds).toBeNull();

  await expect(applyMigrations(options())).rejects.toThrow(
    /migration 20260102000000_beds failed earlier.*npm run db:migrate -- --rolled-back 20260102000000_beds/,
  );

  await writeMigration(
    "20260102000000_beds",
    "CREATE TABLE beds (id int);\nCREATE FUNCTION bed_count() RETURNS bigint LANGUAGE sql AS 'SELECT count(*) FROM beds;';\n",
  );
  await markMigrationRolledBack({ ...options(), migrationName: "20260102000000_beds" });
  expect(await applyMigrations(options())).toEqual(["20260102000000_beds"]);
  const count = await adminQuery("SELECT bed_count() AS n", [], database.url);
  expect(Number(count.rows[0]?.n)).toBe(0);
});

it("refuses to mark an unknown or a finished migration as rolled back", async () => {
  await writeMigration("20260101000000_rooms", "CREATE TABLE rooms (id int);\n");
  await expect(markMigrationRolledBack({ ...options(), migrationName: "nope" })).rejects.toThrow(
    /There is no migration named nope/,
  );
  await applyMigrations(options());
  await expect(
    markMigrationRolledBack({ ...options(), migrationName: "20260101000000_rooms" }),
  ).rejects.toThrow(
    `Database ${database.name}: migration 20260101000000_rooms is not recorded as failed, so there is nothing to mark rolled back.`,
  );
});

it("says which database is missing instead of a stack trace", async () => {
  await writeMigration("20260101000000_rooms", "CREATE TABLE rooms (id int);\n");
  const url = database.url.replace(database.name, `${database.name}_missing`);
  await expect(applyMigrations({ ...options(), connectionString: url })).rejects.toThrow(
    `Database ${database.name}_missing: PostgreSQL said: database "${database.name}_missing" does not exist [3D000]`,
  );
});
