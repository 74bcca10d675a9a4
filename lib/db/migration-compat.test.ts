import { readFile } from "node:fs/promises";
import path from "node:path";
import type { MigrationList } from "@prisma/schema-engine-wasm";
import { afterEach, beforeEach, expect, it } from "vitest";
import { adminQuery, createTestDatabase, type TestDatabase } from "../testing/databases";
import { migrationChecksum, readMigrationFiles } from "./migration-files";
import { applyMigrations, SCHEMA_LOCATIONS } from "./migrations";
import { withSchemaEngine } from "./schema-engine";

// Our applier must leave exactly what Prisma's schema engine leaves, so either can take over.

let engineDb: TestDatabase;
let oursDb: TestDatabase;

beforeEach(async () => {
  engineDb = await createTestDatabase("eng");
  oursDb = await createTestDatabase("ours");
});

afterEach(async () => {
  await engineDb.drop();
  await oursDb.drop();
});

const tenant = SCHEMA_LOCATIONS.tenant;

async function engineMigrationList(): Promise<MigrationList> {
  const migrations = await readMigrationFiles(tenant.migrationsDir);
  const lockPath = path.join(tenant.migrationsDir, "migration_lock.toml");
  return {
    baseDir: tenant.migrationsDir,
    lockfile: { path: lockPath, content: await readFile(lockPath, "utf8").catch(() => null) },
    shadowDbInitScript: "",
    migrationDirectories: migrations.map((migration) => ({
      path: migration.name,
      migrationFile: { path: "migration.sql", content: { tag: "ok", value: migration.sql } },
    })),
  };
}

async function withEngine<T>(url: string, work: Parameters<typeof withSchemaEngine<T>>[1]) {
  const datamodel = { path: tenant.schemaPath, content: await readFile(tenant.schemaPath, "utf8") };
  return withSchemaEngine({ connectionString: url, datamodel }, work);
}

async function migrationRows(url: string) {
  const result = await adminQuery(
    `SELECT migration_name, checksum, applied_steps_count, logs, rolled_back_at,
            finished_at IS NOT NULL AS finished, length(id) AS id_length
     FROM _prisma_migrations ORDER BY migration_name`,
    [],
    url,
  );
  return result.rows;
}

async function migrationsTableColumns(url: string) {
  const result = await adminQuery(
    `SELECT column_name, data_type, character_maximum_length, is_nullable, column_default
     FROM information_schema.columns WHERE table_name = '_prisma_migrations' ORDER BY ordinal_position`,
    [],
    url,
  );
  return result.rows;
}

it("writes the same _prisma_migrations table and rows as Prisma's engine, which then finds nothing to do", async () => {
  const migrationsList = await engineMigrationList();
  const byEngine = await withEngine(engineDb.url, (engine) =>
    engine.applyMigrations({ migrationsList, filters: { externalTables: [], externalEnums: [] } }),
  );
  const byUs = await applyMigrations({ ...tenant, connectionString: oursDb.url });

  expect(byUs).toEqual(byEngine.appliedMigrationNames);
  expect(await migrationsTableColumns(oursDb.url)).toEqual(await migrationsTableColumns(engineDb.url));
  const ours = await migrationRows(oursDb.url);
  expect(ours).toEqual(await migrationRows(engineDb.url));
  expect(ours[0]).toMatchObject({
    checksum: migrationChecksum(migrationsList.migrationDirectories[0]?.migrationFile.content.value ?? ""),
    applied_steps_count: 1,
    logs: null,
    finished: true,
    id_length: 36,
  });

  const diagnosis = await withEngine(oursDb.url, async (engine) => ({
    history: await engine.diagnoseMigrationHistory({
      migrationsList,
      optInToShadowDatabase: false,
      filters: { externalTables: [], externalEnums: [] },
    }),
    applied: await engine.applyMigrations({
      migrationsList,
      filters: { externalTables: [], externalEnums: [] },
    }),
  }));
  expect(diagnosis.applied.appliedMigrationNames).toEqual([]);
  expect(diagnosis.history).toMatchObject({
    history: null,
    failedMigrationNames: [],
    editedMigrationNames: [],
    hasMigrationsTable: true,
  });
});
