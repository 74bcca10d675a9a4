import type { PrismaClient as CentralClient } from "../generated/central/client";
import { quoteIdent, quoteLiteral } from "../tenancy/names";
import type { TenantDb } from "../tenancy/registry";

type Db = TenantDb | CentralClient;

// Touched by every signed-in request (lastSeenAt), so they say nothing about what an action changed.
const IGNORED = ["_prisma_migrations", "staff_sessions", "auth_sessions"];

const queries = new WeakMap<Db, Promise<string>>();

/** One query that folds every table (but the ignored ones) into `{ table: "count:md5" }`. */
async function buildQuery(db: Db): Promise<string> {
  const tables = await db.$queryRawUnsafe<{ name: string }[]>(
    "SELECT table_name AS name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE' ORDER BY 1",
  );
  const parts = tables
    .filter(({ name }) => !IGNORED.includes(name))
    .map(
      ({ name }) =>
        `SELECT ${quoteLiteral(name)} AS name, count(*) || ':' || coalesce(md5(string_agg(t::text, '|' ORDER BY t::text)), '') AS digest FROM ${quoteIdent(name)} t`,
    );
  return `SELECT name, digest FROM (${parts.join(" UNION ALL ")}) tables`;
}

/**
 * The same per-table fingerprint as fingerprintDatabase, in one round trip (the table list is read
 * once per client): cheap enough to take before and after each of thousands of fuzzed calls.
 */
export async function quickFingerprint(db: Db): Promise<Record<string, string>> {
  let query = queries.get(db);
  if (!query) {
    query = buildQuery(db);
    queries.set(db, query);
  }
  const rows = await db.$queryRawUnsafe<{ name: string; digest: string }[]>(await query);
  return Object.fromEntries(rows.map((row) => [row.name, row.digest]));
}
