import type { CentralDb } from "../db/central";
import { centralDatabaseKeptOpen } from "../db/central-opt-out";

export type CentralDatabaseExposure = {
  /** Every role on the server (each clinic's included) may connect to the central database. */
  openToPublic: boolean;
  /** The operator asked for it with CENTRAL_DB_OPEN_TO_PUBLIC=1. */
  optedOut: boolean;
  databaseName: string;
};

/** Whether the central database admits every role on its server, as PostgreSQL sees it now. */
export async function findCentralDatabaseExposure(options: {
  central: CentralDb;
  env?: Readonly<Record<string, string | undefined>>;
}): Promise<CentralDatabaseExposure> {
  const [row] = await options.central.$queryRaw<{ open: boolean; name: string }[]>`
    SELECT has_database_privilege('public', current_database(), 'CONNECT') AS open, current_database() AS name`;
  return {
    openToPublic: row?.open ?? false,
    optedOut: centralDatabaseKeptOpen(options.env),
    databaseName: row?.name ?? "",
  };
}
