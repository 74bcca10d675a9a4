import type pg from "pg";
import type { CentralDb } from "../db/central";
import { findMaintainedClinic, withMaintenanceClient } from "./maintenance-connection";
import { describeXidAge, type XidLevel } from "./xid-age";

export const LARGEST_TABLES = 10;

export type TableHealth = {
  /** schema.table, quoted as PostgreSQL would. */
  name: string;
  totalBytes: number;
  heapBytes: number;
  indexBytes: number;
  liveTuples: number;
  deadTuples: number;
  lastVacuum: string | null;
  lastAutovacuum: string | null;
  lastAnalyze: string | null;
  lastAutoanalyze: string | null;
};

export type ClinicMaintenanceReport = {
  subdomain: string;
  clinicId: string;
  serverName: string;
  sizeBytes: number;
  tableCount: number;
  /** Summed over every table, not only the largest. */
  deadTuples: number;
  liveTuples: number;
  xidAge: number;
  xidLevel: XidLevel;
  xidText: string;
  largestTables: TableHealth[];
  measuredAt: string;
};

/**
 * A clinic database's health as its server sees it: size, the largest tables with their dead
 * tuples and last (auto)vacuum/analyze, and how old its oldest unfrozen transaction ID is.
 * Dead and live tuples are PostgreSQL's statistics (pg_stat_user_tables): estimates, updated as
 * sessions end their transactions.
 */
export async function findClinicMaintenance(options: {
  central: CentralDb;
  subdomain: unknown;
  largest?: number;
}): Promise<ClinicMaintenanceReport> {
  const clinic = await findMaintainedClinic(options.central, options.subdomain);
  return withMaintenanceClient(clinic.databaseServer, clinic.databaseName, async (client) => {
    const database = await readDatabaseFigures(client);
    const tables = await readTableHealth(client);
    const xid = describeXidAge(database.xidAge);
    return {
      subdomain: clinic.subdomain,
      clinicId: clinic.id,
      serverName: clinic.databaseServer.name,
      sizeBytes: database.sizeBytes,
      tableCount: tables.length,
      deadTuples: tables.reduce((sum, table) => sum + table.deadTuples, 0),
      liveTuples: tables.reduce((sum, table) => sum + table.liveTuples, 0),
      xidAge: database.xidAge,
      xidLevel: xid.level,
      xidText: xid.text,
      largestTables: tables.slice(0, options.largest ?? LARGEST_TABLES),
      measuredAt: new Date().toISOString(),
    };
  });
}

async function readDatabaseFigures(client: pg.Client): Promise<{ sizeBytes: number; xidAge: number }> {
  const { rows } = await client.query<{ size: string; xid_age: number }>(
    `SELECT pg_database_size(oid)::text AS size, age(datfrozenxid) AS xid_age
       FROM pg_database WHERE datname = current_database()`,
  );
  return { sizeBytes: Number(rows[0]?.size ?? 0), xidAge: Number(rows[0]?.xid_age ?? 0) };
}

/** Every user table, largest first. */
export async function readTableHealth(client: pg.Client): Promise<TableHealth[]> {
  const { rows } = await client.query<{
    name: string;
    total: string;
    heap: string;
    indexes: string;
    live: string;
    dead: string;
    last_vacuum: Date | null;
    last_autovacuum: Date | null;
    last_analyze: Date | null;
    last_autoanalyze: Date | null;
  }>(
    `SELECT format('%I.%I', schemaname, relname) AS name,
            pg_total_relation_size(relid)::text AS total, pg_relation_size(relid)::text AS heap,
            pg_indexes_size(relid)::text AS indexes, n_live_tup::text AS live, n_dead_tup::text AS dead,
            last_vacuum, last_autovacuum, last_analyze, last_autoanalyze
       FROM pg_stat_user_tables
      ORDER BY pg_total_relation_size(relid) DESC, 1`,
  );
  return rows.map((row) => ({
    name: row.name,
    totalBytes: Number(row.total),
    heapBytes: Number(row.heap),
    indexBytes: Number(row.indexes),
    liveTuples: Number(row.live),
    deadTuples: Number(row.dead),
    lastVacuum: row.last_vacuum?.toISOString() ?? null,
    lastAutovacuum: row.last_autovacuum?.toISOString() ?? null,
    lastAnalyze: row.last_analyze?.toISOString() ?? null,
    lastAutoanalyze: row.last_autoanalyze?.toISOString() ?? null,
  }));
}
