import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "../generated/central/client";
import { type DbTimeouts, pgTimeoutOptions, readDbTimeouts } from "./connection-timeouts";
import { parseDatabaseUrl } from "./database-url";

export type CentralDb = PrismaClient;

// Kept on globalThis: Next's server bundle and the app server's own modules (scripts/serve.ts) are
// separate copies of this module in one process, and either may have made the client.
const shared = globalThis as typeof globalThis & { centralConnectionStrings?: WeakMap<CentralDb, string> };
shared.centralConnectionStrings ??= new WeakMap();
const connectionStrings = shared.centralConnectionStrings;

/** A central client whose pool times out (DB_* timeouts unless given) instead of waiting forever. */
export function createCentralClient(
  connectionString: string,
  poolMax = 5,
  timeouts: DbTimeouts = readDbTimeouts(),
): CentralDb {
  // The adapter listens for errors of idle pooled connections, so a restarting server cannot crash the process.
  const adapter = new PrismaPg({ connectionString, max: poolMax, ...pgTimeoutOptions(timeouts) });
  const client = new PrismaClient({
    adapter,
    // Prisma's 5 s default expired under load on the 2-core machine (a claim's transaction took 5.5 s
    // with the load average at 26); a transaction here is a few short statements, never long work.
    transactionOptions: { maxWait: 10_000, timeout: 20_000 },
  });
  connectionStrings.set(client, connectionString);
  return client;
}

/** Where a central client connects: for the direct connections that hold locks (lib/jobs). */
export function centralUrlOf(central: CentralDb): string {
  const url = connectionStrings.get(central);
  if (!url) throw new Error("This central client was not made by createCentralClient.");
  return url;
}

// One client per server process; kept on globalThis so Next's dev reloads do not open new pools.
const holder = globalThis as typeof globalThis & { centralDb?: CentralDb };

/** The central database client of this process, from DATABASE_URL. */
export function getCentralDb(): CentralDb {
  holder.centralDb ??= createCentralClient(parseDatabaseUrl(process.env.DATABASE_URL).toString());
  return holder.centralDb;
}
