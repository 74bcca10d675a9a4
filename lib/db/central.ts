import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "../generated/central/client";
import { parseDatabaseUrl } from "./database-url";

export type CentralDb = PrismaClient;

export function createCentralClient(connectionString: string, poolMax = 5): CentralDb {
  return new PrismaClient({ adapter: new PrismaPg({ connectionString, max: poolMax }) });
}

// One client per server process; kept on globalThis so Next's dev reloads do not open new pools.
const holder = globalThis as typeof globalThis & { centralDb?: CentralDb };

/** The central database client of this process, from DATABASE_URL. */
export function getCentralDb(): CentralDb {
  holder.centralDb ??= createCentralClient(parseDatabaseUrl(process.env.DATABASE_URL).toString());
  return holder.centralDb;
}
