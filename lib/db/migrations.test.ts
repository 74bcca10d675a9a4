import { cp, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { adminQuery, createTestDatabase, type TestDatabase } from "../testing/databases";
import { createMigration, NothingToMigrateError } from "./create-migration";
import { applyMigrations, listMigrationNames, SCHEMA_LOCATIONS } from "./migrations";

let database: TestDatabase;
let workDir: string;

beforeEach(async () => {
  database = await createTestDatabase("mig");
  workDir = await mkdtemp(path.join(os.tmpdir(), "clinic-migrations-"));
});

afterEach(async () => {
  await database.drop();
  await rm(workDir, { recursive: true, force: true });
});

/** A copy of the tenant schema and its migrations that a test may change. */
async function copyTenantSchema() {
  const schemaPath = path.join(workDir, "tenant.schema.prisma");
  const migrationsDir = path.join(workDir, "tenant-migrations");
  await cp(SCHEMA_LOCATIONS.tenant.schemaPath, schemaPath);
  await cp(SCHEMA_LOCATIONS.tenant.migrationsDir, migrationsDir, { recursive: true });
  return { schemaPath, migrationsDir };
}

async function tablesOf(url: string): Promise<string[]> {
  const result = await adminQuery<{ tablename: string }>(
    "SELECT tablename FROM pg_tables WHERE schemaname = 'public' ORDER BY tablename",
    [],
    url,
  );
  return result.rows.map((row) => row.tablename);
}

describe("tenant migrations", () => {
  it("creates the tenant tables, then applies nothing on a second run", async () => {
    const options = { ...SCHEMA_LOCATIONS.tenant, connectionString: database.url };
    const applied = await applyMigrations(options);

    expect(applied).toEqual(await listMigrationNames(SCHEMA_LOCATIONS.tenant.migrationsDir));
    expect(await tablesOf(database.url)).toEqual(
      expect.arrayContaining(["_prisma_migrations", "locations", "patients", "staff_users"]),
    );
    expect(await applyMigrations(options)).toEqual([]);
  });

  it("applies exactly the one migration that db:migration:create made from a schema change", async () => {
    const schema = await copyTenantSchema();
    await applyMigrations({ ...schema, connectionString: database.url });

    const text = await readFile(schema.schemaPath, "utf8");
    await writeFile(
      schema.schemaPath,
      `${text}\nmodel Room {\n  id   Int    @id\n  name String\n  @@map("rooms")\n}\n`,
    );
    const migration = await createMigration({ ...schema, name: "add rooms", connectionString: database.url });

    expect(migration.name).toMatch(/^\d{14}_add_rooms$/);
    expect(migration.sql).toContain('CREATE TABLE "rooms"');
    expect(migration.sql).not.toContain('"patients"');
    expect(await applyMigrations({ ...schema, connectionString: database.url })).toEqual([migration.name]);
    expect(await tablesOf(database.url)).toContain("rooms");
  });

  it("refuses to create a migration when the schema did not change", async () => {
    const schema = await copyTenantSchema();
    const attempt = createMigration({ ...schema, name: "nothing", connectionString: database.url });

    await expect(attempt).rejects.toThrow(NothingToMigrateError);
    await expect(attempt).rejects.toThrow(/Nothing changed in tenant.schema.prisma/);
    expect(await listMigrationNames(schema.migrationsDir)).toEqual(
      await listMigrationNames(SCHEMA_LOCATIONS.tenant.migrationsDir),
    );
  });
});
