import pg from "pg";
import type { CentralDb } from "../db/central";
import { AppError } from "../errors";
import { findPgTools } from "./pg-tools";

/** How long /super trusts a check: it runs two `--version`s, and a fix is seen within a minute. */
const CACHE_MS = 60_000;

export type PgToolsStatus = { ok: true } | { ok: false; reason: string };

/** Whether this machine's pg_dump and pg_restore can back up and restore a server of that version. */
export async function checkPgTools(
  serverVersionNum: number,
  env: NodeJS.ProcessEnv = process.env,
): Promise<PgToolsStatus> {
  try {
    await findPgTools(serverVersionNum, env);
    return { ok: true };
  } catch (error) {
    if (!(error instanceof AppError)) throw error;
    return {
      ok: false,
      reason: `Backups and restores will fail: ${error.message} Or set PG_BIN_DIR to the folder that holds them.`,
    };
  }
}

/** The same, against the server a database URL names (npm start: the central one). */
export async function checkPgToolsAt(
  url: string,
  env: NodeJS.ProcessEnv = process.env,
): Promise<PgToolsStatus> {
  const client = new pg.Client({ connectionString: url, application_name: "clinic-platform pg-tools-check" });
  client.on("error", () => {});
  await client.connect();
  try {
    const { rows } = await client.query<{ num: string }>(
      "SELECT current_setting('server_version_num') AS num",
    );
    return await checkPgTools(Number(rows[0]?.num), env);
  } finally {
    await client.end().catch(() => {});
  }
}

let cached: { at: number; status: Promise<PgToolsStatus> } | undefined;

/** For /super: the check against the central server, cached for a minute (no notice while it cannot run). */
export function findPgToolsStatus(central: CentralDb, now = Date.now()): Promise<PgToolsStatus> {
  if (!cached || now - cached.at > CACHE_MS) {
    const status = central.$queryRaw<
      { num: string }[]
    >`SELECT current_setting('server_version_num') AS num`.then((rows) => checkPgTools(Number(rows[0]?.num)));
    cached = { at: now, status };
    // A failed check (the database did not answer) is not kept: the next page view asks again.
    status.catch(() => {
      if (cached?.status === status) cached = undefined;
    });
  }
  return cached.status.catch(() => ({ ok: true }) as const);
}
