import { createHash } from "node:crypto";
import { readdir, readFile } from "node:fs/promises";
import path from "node:path";

/** One migration folder: its name (the timestamp prefix orders them) and its SQL. */
export type MigrationFile = { name: string; sql: string; checksum: string };

/** Migration folder names in the order they apply (their timestamp prefix sorts them). */
export async function listMigrationNames(migrationsDir: string): Promise<string[]> {
  const entries = await readdir(migrationsDir, { withFileTypes: true }).catch(
    (error: NodeJS.ErrnoException) => {
      if (error.code === "ENOENT") return [];
      throw error;
    },
  );
  return entries
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort();
}

/** Every migration of a folder with its SQL, in the order they apply. */
export async function readMigrationFiles(migrationsDir: string): Promise<MigrationFile[]> {
  const names = await listMigrationNames(migrationsDir);
  return Promise.all(
    names.map(async (name) => {
      const sql = await readFile(path.join(migrationsDir, name, "migration.sql"), "utf8");
      return { name, sql, checksum: migrationChecksum(sql) };
    }),
  );
}

/** What Prisma writes in `_prisma_migrations.checksum`: the SHA-256 of the script, in hex. */
export function migrationChecksum(sql: string): string {
  return createHash("sha256").update(sql, "utf8").digest("hex");
}
