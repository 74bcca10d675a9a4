import { readdirSync, readlinkSync } from "node:fs";
import { readdir } from "node:fs/promises";
import path from "node:path";
import pg from "pg";
import type { Manifest } from "../../lib/backups/manifest";
import type { Clinic } from "../../lib/generated/central/client";
import { processesUnder } from "../../lib/pitr/scratch-folder";
import { withAdminClient } from "../../lib/tenancy/clinic-schema";
import type { PlatformFixture } from "../../lib/testing/platform-fixture";
import { manifestOf, matchManifest } from "../../lib/testing/restore-state";
import { findClinicDatabaseProblems } from "./restore-checks";

/** A round of fault:pitr: a patient written before the moment restored to, one after it, and the data at each. */
export type PitrRound = {
  earlier: string;
  later: string;
  /** The clinic's data at the moment (after `earlier`), and before the restore (after `later`). */
  atMoment: Manifest;
  before: Manifest;
};

/**
 * What must hold once a point-in-time restore ended, whatever it was killed at: the clinic's
 * databases as after any restore (findClinicDatabaseProblems), the data at the moment (finished) or
 * from before (given up), by manifest and by the round's two patients; the database closed to
 * PUBLIC (a login role not the clinic's is refused); the central row's schema version that of the
 * live database; no scratch process, folder or dump left.
 */
export async function checkPitrClinic(options: {
  platform: Pick<PlatformFixture, "central" | "server">;
  clinic: Clinic;
  round: PitrRound;
  state: string;
  scratchDir: string;
  outsiderUrl: string;
}): Promise<{ data: string; problems: string[] }> {
  const { platform, clinic, round, state } = options;
  const problems = await findClinicDatabaseProblems(platform, clinic);
  const data = matchManifest(await manifestOf(platform.server, clinic.databaseName), {
    atMoment: round.atMoment,
    before: round.before,
  });
  if (data !== (state === "SUCCEEDED" ? "atMoment" : "before")) problems.push(`data: ${data} after ${state}`);
  const facts = await withAdminClient(platform.server, clinic.databaseName, async (client) => {
    const names = await client.query<{ name: string }>(
      "SELECT first_name AS name FROM patients WHERE first_name = ANY($1) ORDER BY first_name",
      [[round.earlier, round.later]],
    );
    const access = await client.query<{ public: boolean; migration: string | null }>(
      `SELECT has_database_privilege('public', current_database(), 'CONNECT') AS public,
              (SELECT max(migration_name) FROM _prisma_migrations WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL) AS migration`,
    );
    return { names: names.rows.map((row) => row.name), ...access.rows[0] };
  });
  const expected = state === "SUCCEEDED" ? [round.earlier] : [round.earlier, round.later].sort();
  if (facts.names.join() !== expected.join())
    problems.push(`patients of the round: ${facts.names.join(", ") || "none"}`);
  if (facts.public) problems.push("PUBLIC may connect");
  const refusal = await refusalOf(options.outsiderUrl, clinic.databaseName);
  if (!/permission denied/.test(refusal)) problems.push(`another role: ${refusal}`);
  const central = await platform.central.clinic.findUniqueOrThrow({ where: { id: clinic.id } });
  if (central.schemaVersion !== facts.migration)
    problems.push(`central schema version ${central.schemaVersion}, database at ${facts.migration}`);
  const running = scratchProcesses(options.scratchDir);
  if (running.length) problems.push(`scratch processes still running: ${running.join(", ")}`);
  const files = await filesUnder(options.scratchDir);
  if (files.length) problems.push(`left in the scratch folder: ${files.slice(0, 5).join(", ")}`);
  return {
    data: data === "atMoment" ? "data at the moment" : data === "before" ? "data from before" : "MIXED data",
    problems,
  };
}

/** A login role that is not the clinic's, connecting to its database: the server's refusal, or "connected". */
async function refusalOf(url: string, database: string): Promise<string> {
  const target = new URL(url);
  target.pathname = `/${encodeURIComponent(database)}`;
  const client = new pg.Client({ connectionString: target.toString(), connectionTimeoutMillis: 5_000 });
  client.on("error", () => {});
  try {
    await client.connect();
    return "connected";
  } catch (error) {
    return (error as Error).message;
  } finally {
    await client.end().catch(() => {});
  }
}

/**
 * Processes naming the scratch folder on their command line (a postmaster, pgbackrest, pg_dump) or
 * working in it (a scratch server's backends, whose command lines say only "postgres: …").
 */
function scratchProcesses(folder: string): number[] {
  const working = readdirSync("/proc")
    .filter((entry) => /^[0-9]+$/.test(entry))
    .filter((pid) => {
      try {
        return readlinkSync(`/proc/${pid}/cwd`).startsWith(`${folder}${path.sep}`);
      } catch {
        return false;
      }
    })
    .map(Number);
  return [...new Set([...processesUnder(folder), ...working])];
}

/** Whatever the job folders under `<PITR_SCRATCH_DIR>/clinic-pitr` still hold (a dump shows as …/clinic.dump). */
async function filesUnder(folder: string): Promise<string[]> {
  return readdir(path.join(folder, "clinic-pitr"), { recursive: true }).catch(() => []);
}
