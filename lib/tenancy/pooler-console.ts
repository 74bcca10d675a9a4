import pg from "pg";
import { AppError } from "../errors";
import type { DatabaseServer } from "../generated/central/client";
import { quoteIdent } from "./names";
import { decryptSecret } from "./secrets";

/** Longest a PAUSE may wait for the clinic's running transactions before the swap gives up. */
export const POOLER_PAUSE_TIMEOUT_MS = 5_000;
const CONNECT_TIMEOUT_MS = 5_000;

type ConsoleServer = Pick<
  DatabaseServer,
  "name" | "poolerHost" | "poolerPort" | "poolerAdminUser" | "poolerAdminPasswordEncrypted"
>;

/** A connection to the admin console (the `pgbouncer` database) of a server's PgBouncer, as `user`. */
export async function connectPoolerConsole(address: {
  host: string;
  port: number;
  user: string;
  password: string;
}): Promise<pg.Client> {
  const client = new pg.Client({
    host: address.host,
    port: address.port,
    user: address.user,
    password: address.password,
    database: "pgbouncer",
    connectionTimeoutMillis: CONNECT_TIMEOUT_MS,
  });
  client.on("error", () => {});
  await client.connect();
  return client;
}

/**
 * A swap's pause at the server's PgBouncer, or null when the server has none or names no console
 * user. `pause()` sends PAUSE for the database: PgBouncer lets running transactions finish, closes
 * its server connections to it and holds the clinic's next queries (they wait, they do not fail);
 * `resume()` lets them on, to whichever database then has the name. A PAUSE that has not returned
 * within POOLER_PAUSE_TIMEOUT_MS (a transaction kept running) is taken back, and the swap refused.
 */
export function poolerPauseFor(
  server: ConsoleServer,
  database: string,
): { pause(): Promise<void>; resume(): Promise<void> } | null {
  const { poolerHost, poolerPort, poolerAdminUser, poolerAdminPasswordEncrypted } = server;
  if (!poolerHost || !poolerPort || !poolerAdminUser || !poolerAdminPasswordEncrypted) return null;
  const address = {
    host: poolerHost,
    port: poolerPort,
    user: poolerAdminUser,
    password: decryptSecret(poolerAdminPasswordEncrypted),
  };
  const name = quoteIdent(database);
  let paused: pg.Client | undefined;
  const resumeOn = (client: pg.Client) => resumeDatabase(client, name);
  return {
    async pause() {
      const client = await connectPoolerConsole(address).catch((error: unknown) => {
        throw new AppError(
          "UNAVAILABLE",
          `Could not reach the PgBouncer console of server ${server.name} at ${poolerHost}:${poolerPort} (${(error as Error).message}). Nothing was swapped; check the server's pooler settings, then try again.`,
        );
      });
      let timer: NodeJS.Timeout | undefined;
      const timedOut = new Promise<"timeout">((resolve) => {
        timer = setTimeout(() => resolve("timeout"), POOLER_PAUSE_TIMEOUT_MS);
      });
      const pausing = client.query(`PAUSE ${name}`).then(
        () => "paused" as const,
        (error: unknown) => {
          // PgBouncer has no pool for it yet (no request came through since it started): nothing to hold.
          if (/no such database/i.test(String(error))) return "nothing" as const;
          throw error;
        },
      );
      const outcome = await Promise.race([pausing, timedOut]).finally(() => clearTimeout(timer));
      // "nothing": PAUSE found no pool; "timeout": a transaction kept it waiting.
      if (outcome === "paused") {
        paused = client;
        return;
      }
      if (outcome === "nothing") {
        await client.end().catch(() => {});
        return;
      }
      // Take the waiting PAUSE back from a second console connection, then drop the first (its
      // PAUSE may never answer once taken back).
      pausing.catch(() => {});
      const other = await connectPoolerConsole(address);
      await resumeOn(other).finally(() => other.end().catch(() => {}));
      await client.end().catch(() => {});
      throw new AppError(
        "CONFLICT",
        `PgBouncer could not pause the clinic's database within ${POOLER_PAUSE_TIMEOUT_MS / 1000} s: a transaction kept running. Nothing was swapped; try again in a minute.`,
      );
    },
    async resume() {
      const client = paused;
      paused = undefined;
      if (!client) return;
      // The pause outlives the connection that asked for it: a lost one resumes from a new one.
      await resumeOn(client)
        .catch(async () => {
          const other = await connectPoolerConsole(address);
          await resumeOn(other).finally(() => other.end().catch(() => {}));
        })
        .finally(() => client.end().catch(() => {}));
    },
  };
}

/**
 * Lets a database on at the server's PgBouncer, if a swap that died left it paused (a retry or
 * giving up runs this); nothing without a console user, or when it is not paused.
 */
export async function resumePoolerDatabase(server: ConsoleServer, database: string): Promise<void> {
  const { poolerHost, poolerPort, poolerAdminUser, poolerAdminPasswordEncrypted } = server;
  if (!poolerHost || !poolerPort || !poolerAdminUser || !poolerAdminPasswordEncrypted) return;
  const client = await connectPoolerConsole({
    host: poolerHost,
    port: poolerPort,
    user: poolerAdminUser,
    password: decryptSecret(poolerAdminPasswordEncrypted),
  });
  try {
    await resumeDatabase(client, quoteIdent(database));
  } finally {
    await client.end().catch(() => {});
  }
}

async function resumeDatabase(client: pg.Client, quotedName: string): Promise<void> {
  try {
    await client.query(`RESUME ${quotedName}`);
  } catch (error) {
    // Not paused (a PAUSE taken back, PgBouncer restarted, or never paused): nothing to let on.
    if (!/not paused|no such database/i.test(String(error))) throw error;
  }
}
