import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "../generated/central/client";
import { parseDatabaseUrl } from "./database-url";

export type CentralDb = PrismaClient;

// Kept on globalThis: Next's server bundle and the app server's own modules (scripts/serve.ts) are
// separate copies of this module in one process, and either may have made the client.
const shared = globalThis as typeof globalThis & { centralConnectionStrings?: WeakMap<CentralDb, string> };
shared.centralConnectionStrings ??= new WeakMap();
const connectionStrings = shared.centralConnectionStrings;

export function createCentralClient(connectionString: string, poolMax = 5): CentralDb {
  const client = new PrismaClient({ adapter: new PrismaPg({ connectionString, max: poolMax }) });
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
