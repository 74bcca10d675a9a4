import type pg from "pg";
import { compareManifests, computeManifest, type Manifest } from "../../lib/backups/manifest";
import type { DatabaseServer } from "../../lib/generated/central/client";
import { withAdminClient } from "../../lib/tenancy/clinic-schema";
import { quoteIdent } from "../../lib/tenancy/names";

/** Runs `work` as the admin in a database, opening it for that moment when a move closed it. */
export function withDatabaseOpened<T>(
  server: DatabaseServer,
  database: string,
  work: (client: pg.Client) => Promise<T>,
): Promise<T> {
  return withAdminClient(server, "postgres", async (admin) => {
    const allow = (allowed: boolean) =>
      admin.query(`ALTER DATABASE ${quoteIdent(database)} WITH ALLOW_CONNECTIONS ${allowed}`);
    const { rows } = await admin.query<{ allowed: boolean }>(
      "SELECT datallowconn AS allowed FROM pg_database WHERE datname = $1",
      [database],
    );
    const closed = rows[0]?.allowed === false;
    if (closed) await allow(true);
    try {
      return await withAdminClient(server, database, work);
    } finally {
      if (closed) await allow(false);
    }
  });
}

/** `work` in one snapshot that is rolled back afterwards (so it may delete rows to leave them out). */
async function inSnapshot<T>(client: pg.Client, work: () => Promise<T>): Promise<T> {
  await client.query("BEGIN ISOLATION LEVEL REPEATABLE READ");
  try {
    return await work();
  } finally {
    await client.query("ROLLBACK");
  }
}

/** Per-table row counts and checksums of a database (lib/backups/manifest.ts), closed or not. */
export function manifestOfDatabase(server: DatabaseServer, database: string): Promise<Manifest> {
  return withDatabaseOpened(server, database, (client) => inSnapshot(client, () => computeManifest(client)));
}

const MRN_NUMBER = "substr(mrn, 3)::bigint";

/**
 * After a move under writes: the source database, closed since the cut-over, holds what the clinic
 * had at that moment, and the target must hold exactly those rows plus what was written after the
 * switch. Those are the patients numbered past the source's MRN sequence (copied to the target at
 * the cut-over), left out of the target's checksums. `written` are the MRNs the writer was answered
 * with; every one must be on the target, and every row past the sequence must be one of them.
 */
export async function checkMovedRows(options: {
  from: DatabaseServer;
  to: DatabaseServer;
  databaseName: string;
  written: string[];
}) {
  const { from, to, databaseName, written } = options;
  const source = await withDatabaseOpened(from, databaseName, (client) =>
    inSnapshot(client, async () => {
      const { rows } = await client.query<{ last: string }>(
        "SELECT last_value::text AS last FROM patient_mrn_seq",
      );
      return { manifest: await computeManifest(client), lastMrn: Number(rows[0]?.last ?? 0) };
    }),
  );
  const target = await withAdminClient(to, databaseName, (client) =>
    inSnapshot(client, async () => {
      const after = await client.query<{ mrn: string }>(
        `SELECT mrn FROM patients WHERE ${MRN_NUMBER} > $1 ORDER BY ${MRN_NUMBER}`,
        [source.lastMrn],
      );
      const found = await client.query<{ mrn: string }>("SELECT mrn FROM patients WHERE mrn = ANY($1)", [
        written,
      ]);
      await client.query(`DELETE FROM patients WHERE ${MRN_NUMBER} > $1`, [source.lastMrn]);
      const manifest = await computeManifest(client);
      return {
        manifest,
        after: after.rows.map((row) => row.mrn),
        found: new Set(found.rows.map((row) => row.mrn)),
      };
    }),
  );
  const problems = compareManifests(source.manifest, target.manifest);
  const lost = written.filter((mrn) => !target.found.has(mrn));
  if (lost.length) problems.push(`${lost.length} written patients missing on the target`);
  if (new Set(written).size !== written.length) problems.push("an MRN was handed out twice");
  const ours = new Set(written);
  const strays = target.after.filter((mrn) => !ours.has(mrn));
  if (strays.length) problems.push(`${strays.length} rows after the switch that nobody wrote`);
  const firstAfter = target.after[0];
  if (!firstAfter)
    problems.push("no patient written after the switch, so the MRN's continuation is unchecked");
  const rows = Object.values(source.manifest.tables).reduce((sum, table) => sum + table.rows, 0);
  return {
    problems,
    rows,
    tables: Object.keys(source.manifest.tables).length,
    lastMrnBefore: source.lastMrn,
    firstMrnAfter: firstAfter ?? "—",
    writtenAfter: target.after.length,
  };
}
