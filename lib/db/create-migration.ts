import { mkdir, readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { listMigrationNames, type SchemaLocation } from "./migrations";
import { withSchemaEngine } from "./schema-engine";

/** Each migration folder keeps the schema it was made from; the next migration is diffed against it. */
export const SCHEMA_SNAPSHOT_FILE = "schema.prisma";

export class NothingToMigrateError extends Error {
  override name = "NothingToMigrateError";
}

export type CreateMigrationOptions = SchemaLocation & {
  name: string;
  /** Any reachable PostgreSQL: the engine needs a connection to start, though the diff reads none. */
  connectionString: string;
  now?: Date;
};

/**
 * Writes `<timestamp>_<name>/migration.sql` with the SQL that takes the previous migration's schema
 * to the current schema file. Hand-written SQL may be appended to it afterwards: later diffs start
 * from the kept schema, not from the database, so they never try to undo it.
 */
export async function createMigration(
  options: CreateMigrationOptions,
): Promise<{ name: string; dir: string; sql: string }> {
  const slug = toMigrationSlug(options.name);
  const current = await readFile(options.schemaPath, "utf8");
  const previousNames = await listMigrationNames(options.migrationsDir);
  const latest = previousNames.at(-1);
  const previous = latest ? await readSnapshot(options.migrationsDir, latest) : undefined;

  const diff = await withSchemaEngine(
    { connectionString: options.connectionString, datamodel: { path: options.schemaPath, content: current } },
    (engine) =>
      engine.diff({
        from:
          previous === undefined
            ? { tag: "empty" }
            : { tag: "schemaDatamodel", files: [{ path: "previous.prisma", content: previous }] },
        to: { tag: "schemaDatamodel", files: [{ path: options.schemaPath, content: current }] },
        script: true,
        exitCode: true,
        filters: { externalTables: [], externalEnums: [] },
      }),
  );
  if (diff.exitCode !== 2 || !diff.stdout) {
    throw new NothingToMigrateError(
      `Nothing changed in ${path.basename(options.schemaPath)} since migration ${latest}: no migration was created.`,
    );
  }

  const name = `${timestampOf(options.now ?? new Date())}_${slug}`;
  const dir = path.join(options.migrationsDir, name);
  await mkdir(dir, { recursive: true });
  await writeFile(path.join(dir, "migration.sql"), diff.stdout);
  await writeFile(path.join(dir, SCHEMA_SNAPSHOT_FILE), current);
  await writeFile(path.join(options.migrationsDir, "migration_lock.toml"), 'provider = "postgresql"\n');
  return { name, dir, sql: diff.stdout };
}

async function readSnapshot(migrationsDir: string, migration: string): Promise<string> {
  const file = path.join(migrationsDir, migration, SCHEMA_SNAPSHOT_FILE);
  return readFile(file, "utf8").catch(() => {
    throw new Error(`${file} is missing: every migration folder keeps the schema it was made from.`);
  });
}

export function toMigrationSlug(name: string): string {
  const slug = name
    .trim()
    .toLowerCase()
    .replace(/[\s-]+/g, "_");
  if (!/^[a-z0-9_]{1,60}$/.test(slug)) {
    throw new Error(`Migration name "${name}" must be 1–60 letters, digits, spaces, - or _.`);
  }
  return slug;
}

function timestampOf(date: Date): string {
  return date.toISOString().replace(/\D/g, "").slice(0, 14);
}
