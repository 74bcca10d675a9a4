import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "../generated/central/client";
import { type DbTimeouts, pgTimeoutOptions, readDbTimeouts } from "./connection-timeouts";
import { parseDatabaseUrl } from "./database-url";

export type CentralDb = PrismaClient;

/** A central client whose pool times out (DB_* timeouts unless given) instead of waiting forever. */
export function createCentralClient(
  connectionString: string,
  poolMax = 5,
  timeouts: DbTimeouts = readDbTimeouts(),
): CentralDb {
  // The adapter listens for errors of idle pooled connections, so a restarting server cannot crash the process.
  const adapter = new PrismaPg({ connectionString, max: poolMax, ...pgTimeoutOptions(timeouts) });
  return new PrismaClient({ adapter });
}

// One client per server process; kept on globalThis so Next's dev reloads do not open new pools.
const holder = globalThis as typeof globalThis & { centralDb?: CentralDb };

/** The central database client of this process, from DATABASE_URL. */
export function getCentralDb(): CentralDb {
  holder.centralDb ??= createCentralClient(parseDatabaseUrl(process.env.DATABASE_URL).toString());
  return holder.centralDb;
}
