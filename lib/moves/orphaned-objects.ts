import type pg from "pg";
import type { CentralDb } from "../db/central";
import type { DatabaseServer } from "../generated/central/client";
import { withAdminClient } from "../tenancy/clinic-schema";
import { getTenantNamePrefix, quoteIdent, quoteLiteral } from "../tenancy/names";

/** Something a move made (named `<prefix>clinic_move_<job>`) whose move job is not running. */
export type MoveOrphan = {
  kind: "slot" | "publication" | "subscription" | "login";
  name: string;
  /** The database it lives in (slots, publications, subscriptions). */
  database: string | null;
  /** The move job its name points at, and what became of it ("failed", "finished", "no longer recorded"). */
  jobId: string | null;
  job: string;
  /** A slot's WAL kept back from removal, in bytes (it grows until the slot is dropped). */
  retainedWalBytes: number | null;
  /** The statements that remove it, for the operator to run on this server. */
  fix: string;
};

type Found = Omit<MoveOrphan, "job" | "fix">;

const JOB_HEX = /clinic_move_([0-9a-f]{32})$/;

/** The job id a move object's name carries, as a uuid (moveObjectName strips its dashes). */
export function moveJobIdOf(name: string): string | null {
  const hex = JOB_HEX.exec(name)?.[1];
  if (!hex) return null;
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/**
 * This platform's move objects on a server whose move job is not queued or running: a slot keeps
 * WAL (and fills the disk) until dropped. Slots, subscriptions and logins are read from the shared
 * catalogues; publications only with `publications: true`, since they need one connection per
 * database (the CLI does it, the servers page does not).
 */
export async function findMoveOrphans(options: {
  central: CentralDb;
  server: DatabaseServer;
  publications?: boolean;
  env?: NodeJS.ProcessEnv;
}): Promise<MoveOrphan[]> {
  const prefix = getTenantNamePrefix({ env: options.env }).replaceAll("_", "\\_");
  const pattern = `${prefix}clinic\\_move\\_%`;
  const found = await withAdminClient(options.server, "postgres", async (admin) => {
    const shared = await findSharedObjects(admin, pattern);
    if (!options.publications) return shared;
    return [...shared, ...(await findPublications(options.server, admin, { pattern, prefix }))];
  });
  const jobIds = [...new Set(found.flatMap((item) => (item.jobId ? [item.jobId] : [])))];
  const jobs = await options.central.job.findMany({ where: { id: { in: jobIds } } });
  const stateOf = new Map(jobs.map((job) => [job.id, job.state]));
  return found.flatMap((item) => {
    const state = item.jobId ? stateOf.get(item.jobId) : undefined;
    if (state === "QUEUED" || state === "RUNNING") return [];
    const job = state === "FAILED" ? "failed" : state === "SUCCEEDED" ? "finished" : "no longer recorded";
    return [{ ...item, job, fix: fixFor(item) }];
  });
}

async function findSharedObjects(admin: pg.Client, pattern: string): Promise<Found[]> {
  const { rows } = await admin.query<{
    kind: Found["kind"];
    name: string;
    database: string | null;
    retained: string | null;
  }>(
    `SELECT 'slot' AS kind, slot_name::text AS name, database::text AS database,
            pg_wal_lsn_diff(pg_current_wal_lsn(), restart_lsn)::bigint::text AS retained
       FROM pg_replication_slots WHERE slot_name LIKE $1
     UNION ALL
     SELECT 'subscription', s.subname::text, d.datname::text, NULL
       FROM pg_subscription s JOIN pg_database d ON d.oid = s.subdbid WHERE s.subname LIKE $1
     UNION ALL
     SELECT 'login', rolname::text, NULL, NULL FROM pg_roles WHERE rolname LIKE $1
     ORDER BY 1, 2`,
    [pattern],
  );
  return rows.map((row) => ({
    kind: row.kind,
    name: row.name,
    database: row.database,
    jobId: moveJobIdOf(row.name),
    retainedWalBytes: row.retained === null ? null : Number(row.retained),
  }));
}

/** Publications live in one database each: every database of this platform's that accepts connections is visited. */
async function findPublications(
  server: DatabaseServer,
  admin: pg.Client,
  names: { pattern: string; prefix: string },
): Promise<Found[]> {
  const { pattern } = names;
  const { rows: databases } = await admin.query<{ name: string }>(
    `SELECT datname AS name FROM pg_database WHERE datallowconn AND NOT datistemplate
        AND (datname LIKE $1 || '%' OR $1 = '') ORDER BY datname`,
    [names.prefix],
  );
  const found: Found[] = [];
  for (const { name: database } of databases) {
    const names = await withAdminClient(server, database, (client) =>
      client.query<{ name: string }>("SELECT pubname AS name FROM pg_publication WHERE pubname LIKE $1", [
        pattern,
      ]),
    ).catch(() => null);
    for (const { name } of names?.rows ?? [])
      found.push({ kind: "publication", name, database, jobId: moveJobIdOf(name), retainedWalBytes: null });
  }
  return found;
}

function fixFor(item: Found): string {
  const name = quoteIdent(item.name);
  const inDatabase = `in database ${item.database ?? "postgres"}`;
  switch (item.kind) {
    case "slot":
      return `SELECT pg_drop_replication_slot(${quoteLiteral(item.name)});`;
    case "subscription":
      return `${inDatabase}: ALTER SUBSCRIPTION ${name} DISABLE; ALTER SUBSCRIPTION ${name} SET (slot_name = NONE); DROP SUBSCRIPTION ${name};`;
    case "publication":
      return `${inDatabase}: DROP PUBLICATION ${name};`;
    case "login":
      return `in each database it was granted on: DROP OWNED BY ${name}; then DROP ROLE ${name};`;
  }
}

/** One line for a console: how many orphans, of which kinds, and where to read what to do. */
export function describeMoveOrphans(serverName: string, orphans: MoveOrphan[]): string | null {
  if (orphans.length === 0) return null;
  const counts = new Map<string, number>();
  for (const orphan of orphans) counts.set(orphan.kind, (counts.get(orphan.kind) ?? 0) + 1);
  const parts = [...counts].map(([kind, count]) => `${count} ${kind}${count > 1 ? "s" : ""}`);
  const slots = orphans.some((orphan) => orphan.kind === "slot")
    ? " A slot keeps WAL until it is dropped."
    : "";
  return `Left by a move that is not running: ${parts.join(", ")}.${slots} npm run server:check -- ${serverName} says what to drop.`;
}
