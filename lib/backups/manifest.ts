import type pg from "pg";
import { z } from "zod";

export const manifestSchema = z.object({
  /** The newest migration the database had applied (null: no migration history). */
  schemaVersion: z.string().nullable(),
  /** What a database restored from it is created with, so text sorts and compares the same. */
  database: z.object({ encoding: z.string(), collate: z.string(), ctype: z.string() }),
  /** Per table of the public schema: its rows and an ordered checksum of them. */
  tables: z.record(z.string(), z.object({ rows: z.number(), checksum: z.string() })),
});
export type Manifest = z.infer<typeof manifestSchema>;

// The text form of a row depends on these: the same on both sides, whoever connects.
const STABLE_OUTPUT = `SET LOCAL TimeZone = 'UTC'; SET LOCAL DateStyle = 'ISO, YMD'; SET LOCAL IntervalStyle = 'postgres';
  SET LOCAL extra_float_digits = 3; SET LOCAL bytea_output = 'hex'`;

/**
 * What a backup is verified against: per table, the row count and md5 over the md5 of each row's
 * text in primary-key order (a row's digest first, so a table of millions of rows stays far below
 * PostgreSQL's 1 GB value limit). Run it inside the snapshot the dump uses, in a transaction the
 * caller opened: computed anywhere else, concurrent writes make it disagree with the dump.
 */
export async function computeManifest(client: pg.Client): Promise<Manifest> {
  await client.query(STABLE_OUTPUT);
  const tables = await client.query<{ name: string; query: string }>(`
    SELECT c.relname AS name,
           format('SELECT count(*)::bigint AS rows, md5(coalesce(string_agg(md5(t::text), '''' ORDER BY %s), '''')) AS checksum FROM public.%I t',
                  coalesce((SELECT string_agg(format('t.%I', a.attname), ', ' ORDER BY k.ord)
                              FROM pg_index i
                              CROSS JOIN LATERAL unnest(i.indkey) WITH ORDINALITY AS k(attnum, ord)
                              JOIN pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = k.attnum
                             WHERE i.indrelid = c.oid AND i.indisprimary), 't::text'),
                  c.relname) AS query
      FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
     WHERE n.nspname = 'public' AND c.relkind = 'r'
     ORDER BY c.relname`);
  const manifest: Manifest = {
    schemaVersion: await readSchemaVersion(client),
    database: await readDatabaseLocale(client),
    tables: {},
  };
  for (const table of tables.rows) {
    const { rows } = await client.query<{ rows: string; checksum: string }>(table.query);
    manifest.tables[table.name] = { rows: Number(rows[0]?.rows ?? 0), checksum: rows[0]?.checksum ?? "" };
  }
  return manifest;
}

/** The tables whose rows differ between what a backup recorded and what a restore holds. */
export function compareManifests(expected: Manifest, actual: Manifest): string[] {
  const names = new Set([...Object.keys(expected.tables), ...Object.keys(actual.tables)]);
  const differences: string[] = [];
  for (const name of [...names].sort()) {
    const want = expected.tables[name];
    const got = actual.tables[name];
    if (!want) differences.push(`${name}: not in the backup's manifest`);
    else if (!got) differences.push(`${name}: missing`);
    else if (want.rows !== got.rows) differences.push(`${name}: ${got.rows} rows instead of ${want.rows}`);
    else if (want.checksum !== got.checksum) differences.push(`${name}: rows differ`);
  }
  return differences;
}

async function readSchemaVersion(client: pg.Client): Promise<string | null> {
  const found = await client.query<{ exists: boolean }>(
    "SELECT to_regclass('public._prisma_migrations') IS NOT NULL AS exists",
  );
  if (!found.rows[0]?.exists) return null;
  const { rows } = await client.query<{ name: string }>(
    `SELECT migration_name AS name FROM _prisma_migrations
      WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL ORDER BY migration_name DESC LIMIT 1`,
  );
  return rows[0]?.name ?? null;
}

async function readDatabaseLocale(client: pg.Client): Promise<Manifest["database"]> {
  const { rows } = await client.query<Manifest["database"]>(
    `SELECT pg_encoding_to_char(encoding) AS encoding, datcollate AS collate, datctype AS ctype
       FROM pg_database WHERE datname = current_database()`,
  );
  const row = rows[0];
  if (!row) throw new Error("The database's own row was not found in pg_database.");
  return row;
}
