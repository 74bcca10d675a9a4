import { withDatabaseName } from "../db/database-url";
import type { PrismaClient as CentralClient } from "../generated/central/client";
import type { TenantDb } from "../tenancy/registry";
import { adminDatabaseUrl, adminQuery } from "./databases";

// Touched by every signed-in request (lastSeenAt), so they say nothing about what an action changed.
const IGNORED = new Set(["_prisma_migrations", "staff_sessions", "auth_sessions"]);

/**
 * Every row of every table of a database, folded into one string per table: two fingerprints are
 * equal exactly when no row was added, removed or changed in between.
 */
export async function fingerprintDatabase(db: TenantDb | CentralClient): Promise<Record<string, string>> {
  const tables = await db.$queryRawUnsafe<{ name: string }[]>(
    "SELECT table_name AS name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE' ORDER BY 1",
  );
  const fingerprint: Record<string, string> = {};
  for (const { name } of tables) {
    if (IGNORED.has(name)) continue;
    const [row] = await db.$queryRawUnsafe<{ digest: string }[]>(
      `SELECT count(*) || ':' || coalesce(md5(string_agg(t::text, '|' ORDER BY t::text)), '') AS digest FROM "${name}" t`,
    );
    fingerprint[name] = row?.digest ?? "";
  }
  return fingerprint;
}

/**
 * Makes every insert into a database's audit_events fail, as a crash between a write and its audit
 * row would. Run as the server's admin (clinic roles may not create triggers); returns the undo.
 */
export async function failAuditWrites(databaseName: string): Promise<() => Promise<void>> {
  const url = withDatabaseName(adminDatabaseUrl(), databaseName);
  const run = (sql: string) => adminQuery(sql, [], url);
  await run(`CREATE FUNCTION test_refuse_audit() RETURNS trigger LANGUAGE plpgsql AS
    $$ BEGIN RAISE EXCEPTION 'audit write refused by the test'; END $$`);
  await run(
    "CREATE TRIGGER test_refuse_audit BEFORE INSERT ON audit_events FOR EACH ROW EXECUTE FUNCTION test_refuse_audit()",
  );
  return async () => {
    await run("DROP TRIGGER test_refuse_audit ON audit_events");
    await run("DROP FUNCTION test_refuse_audit()");
  };
}
