import pg from "pg";
import { AppError } from "../errors";
import type { DatabaseServer } from "../generated/central/client";
import { quoteIdent } from "./names";
import { decryptSecret } from "./secrets";

/** Longest a PAUSE may wait for the clinic's running transactions before the swap gives up. */
export const POOLER_PAUSE_TIMEOUT_MS = 5_000;
const CONNECT_TIMEOUT_MS = 5_000;
/** Any other console command (RESUME, SHOW): a console that stops answering must not hold a job. */
const COMMAND_TIMEOUT_MS = 10_000;

type ConsoleServer = Pick<
  DatabaseServer,
  "name" | "poolerHost" | "poolerPort" | "poolerAdminUser" | "poolerAdminPasswordEncrypted"
>;
type ConsoleAddress = { host: string; port: number; user: string; password: string };

/** A connection to the admin console (the `pgbouncer` database) of a server's PgBouncer, as `user`. */
export async function connectPoolerConsole(address: ConsoleAddress): Promise<pg.Client> {
  const client = new pg.Client({
    ...address,
    database: "pgbouncer",
    connectionTimeoutMillis: CONNECT_TIMEOUT_MS,
    query_timeout: COMMAND_TIMEOUT_MS,
  });
  client.on("error", () => {});
  await client.connect();
  return client;
}

/** The server's PgBouncer console, when it has a pooler and names a console user. */
function consoleAddressOf(server: ConsoleServer): ConsoleAddress | null {
  const { poolerHost, poolerPort, poolerAdminUser, poolerAdminPasswordEncrypted } = server;
  if (!poolerHost || !poolerPort || !poolerAdminUser || !poolerAdminPasswordEncrypted) return null;
  return {
    host: poolerHost,
    port: poolerPort,
    user: poolerAdminUser,
    password: decryptSecret(poolerAdminPasswordEncrypted),
  };
}

/**
 * A swap's pause at the server's PgBouncer, or null when the server has none or names no console
 * user. `pause()` sends PAUSE for the database: PgBouncer lets running transactions finish, closes
 * its server connections to it and holds the clinic's next queries (they wait, they do not fail);
 * `resume()` lets them on, to whichever database then has the name. A PAUSE that has not returned
 * within POOLER_PAUSE_TIMEOUT_MS (a transaction kept running; PgBouncer also answers a PAUSE only
 * once every database paused on it is idle, so another clinic's restore can delay it) is taken
 * back, and the swap refused.
 */
export function poolerPauseFor(
  server: ConsoleServer,
  database: string,
): { pause(): Promise<void>; resume(): Promise<void> } | null {
  const address = consoleAddressOf(server);
  if (!address) return null;
  const where = `the PgBouncer console of server ${server.name} at ${address.host}:${address.port}`;
  let paused: pg.Client | undefined;
  return {
    async pause() {
      const client = await connectPoolerConsole(address).catch((error: unknown) => {
        throw new AppError(
          "UNAVAILABLE",
          `Could not reach ${where} (${(error as Error).message}). Nothing was swapped; check the server's pooler settings, then try again.`,
        );
      });
      let timer: NodeJS.Timeout | undefined;
      const timedOut = new Promise<"timeout">((resolve) => {
        timer = setTimeout(() => resolve("timeout"), POOLER_PAUSE_TIMEOUT_MS);
      });
      const pausing = client.query(`PAUSE ${quoteIdent(database)}`).then(
        () => "paused" as const,
        (error: unknown) => {
          // PgBouncer has no pool for it yet (no request came through since it started): nothing to hold.
          if (/no such database/i.test(String(error))) return "nothing" as const;
          return error instanceof Error ? error : new Error(String(error));
        },
      );
      const outcome = await Promise.race([pausing, timedOut]).finally(() => clearTimeout(timer));
      if (outcome === "paused") {
        paused = client;
        return;
      }
      await client.end().catch(() => {});
      if (outcome === "nothing") return;
      if (outcome instanceof Error) {
        throw new AppError(
          "UNAVAILABLE",
          `${where} refused PAUSE (${outcome.message}). Nothing was swapped; check that its console user is in admin_users, then try again.`,
        );
      }
      // Timed out: take the waiting PAUSE back (the first connection, now closed, may never be answered).
      await resumePoolerDatabase(server, database).catch(() => {});
      throw new AppError(
        "CONFLICT",
        `PgBouncer could not pause the clinic's database within ${POOLER_PAUSE_TIMEOUT_MS / 1000} s: a transaction kept running. Nothing was swapped; try again in a minute.`,
      );
    },
    async resume() {
      const client = paused;
      paused = undefined;
      if (!client) return;
      try {
        await resumeDatabase(client, database);
      } catch {
        // The pause outlives the connection that asked for it: a lost one resumes from a new one.
        await resumePoolerDatabase(server, database);
      } finally {
        await client.end().catch(() => {});
      }
    },
  };
}

/**
 * Lets a database on at the server's PgBouncer, if a swap that died left it paused (a retry or
 * giving up runs this); nothing without a console user, or when it is not paused.
 */
export async function resumePoolerDatabase(server: ConsoleServer, database: string): Promise<void> {
  const address = consoleAddressOf(server);
  if (!address) return;
  const client = await connectPoolerConsole(address);
  try {
    await resumeDatabase(client, database);
  } finally {
    await client.end().catch(() => {});
  }
}

async function resumeDatabase(client: pg.Client, database: string): Promise<void> {
  try {
    await client.query(`RESUME ${quoteIdent(database)}`);
  } catch (error) {
    // Not paused (a PAUSE taken back, PgBouncer restarted, or never paused): nothing to let on.
    if (!/not paused|no such database/i.test(String(error))) throw error;
  }
}
