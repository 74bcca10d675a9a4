import type pg from "pg";
import type { CentralDb } from "../db/central";
import { AppError } from "../errors";
import type { DatabaseServer } from "../generated/central/client";
import { withMaintenanceClient } from "./maintenance-connection";
import {
  classifySession,
  readClinicDatabases,
  type SessionRow,
  type SessionView,
  viewSession,
} from "./sessions";
import { describeXidAge, type XidLevel } from "./xid-age";

export const DEFAULT_LONG_QUERY_SECONDS = 30;

export type ClinicDatabaseFigures = {
  subdomain: string;
  clinicId: string;
  status: string;
  sizeBytes: number | null;
  xidAge: number | null;
  xidLevel: XidLevel | null;
  xidText: string | null;
};

export type ServerMaintenanceReport = {
  serverId: string;
  serverName: string;
  autovacuum: { busy: number; max: number; working: { database: string | null; what: string }[] };
  connections: {
    max: number;
    total: number;
    byDatabase: { database: string; state: string; count: number }[];
  };
  longQueries: SessionView[];
  longQuerySeconds: number;
  clinics: ClinicDatabaseFigures[];
  /** Databases that are not this platform's clinics but are close to wraparound: the server's problem too. */
  otherDatabases: { database: string; xidAge: number; xidLevel: XidLevel; xidText: string }[];
  measuredAt: string;
};

/** Finds a server by its name (as the CLI and the page name it); hostile names are refused. */
export async function findServerByName(central: CentralDb, name: unknown): Promise<DatabaseServer> {
  if (typeof name !== "string" || !/^[a-z0-9][a-z0-9-]{0,39}$/.test(name)) {
    throw new AppError("INVALID", "That is not a database server's name.");
  }
  const server = await central.databaseServer.findUnique({ where: { name } });
  if (!server) throw new AppError("NOT_FOUND", `No database server named ${name}.`);
  if (server.status === "OFFLINE") throw new AppError("UNAVAILABLE", `Server ${name} is marked offline.`);
  return server;
}

/**
 * One server's load and health: autovacuum workers busy, connections by database and state, the
 * sessions in a query or an open transaction for longer than `longQuerySeconds`, and each of this
 * platform's clinic databases there with its size and transaction-ID age.
 */
export async function findServerMaintenance(options: {
  central: CentralDb;
  server: DatabaseServer;
  longQuerySeconds?: number;
}): Promise<ServerMaintenanceReport> {
  const { central, server } = options;
  const longQuerySeconds = options.longQuerySeconds ?? DEFAULT_LONG_QUERY_SECONDS;
  const clinics = await central.clinic.findMany({
    where: { databaseServerId: server.id, status: { in: ["ACTIVE", "SUSPENDED"] } },
    orderBy: { subdomain: "asc" },
    select: { id: true, subdomain: true, status: true, databaseName: true },
  });
  return withMaintenanceClient(server, "postgres", async (client) => {
    const clinicDatabases = await readClinicDatabases(central, server);
    // One connection answers one query at a time.
    const autovacuum = await readAutovacuum(client);
    const connections = await readConnections(client);
    const longQueries = await readLongQueries(client, longQuerySeconds);
    const databases = await readDatabaseAges(client, [...clinicDatabases.keys()]);
    const byName = new Map(databases.map((row) => [row.database, row]));
    return {
      serverId: server.id,
      serverName: server.name,
      autovacuum,
      connections,
      longQuerySeconds,
      longQueries: longQueries.map((row) =>
        viewSession(row, classifySession(row, { server, clinicDatabases })),
      ),
      clinics: clinics.map((clinic) => {
        const figures = byName.get(clinic.databaseName);
        const xid = figures ? describeXidAge(figures.xidAge) : null;
        return {
          subdomain: clinic.subdomain,
          clinicId: clinic.id,
          status: clinic.status,
          sizeBytes: figures?.sizeBytes ?? null,
          xidAge: figures?.xidAge ?? null,
          xidLevel: xid?.level ?? null,
          xidText: xid?.text ?? (figures ? null : "Its database was not found on the server."),
        };
      }),
      otherDatabases: databases
        .filter((row) => !clinicDatabases.has(row.database))
        .map((row) => ({
          database: row.database,
          xidAge: row.xidAge,
          ...prefixed(describeXidAge(row.xidAge)),
        }))
        .filter((row) => row.xidLevel !== "ok"),
      measuredAt: new Date().toISOString(),
    };
  });
}

function prefixed(xid: { level: XidLevel; text: string }) {
  return { xidLevel: xid.level, xidText: xid.text };
}

async function readAutovacuum(client: pg.Client): Promise<ServerMaintenanceReport["autovacuum"]> {
  const { rows } = await client.query<{ database: string | null; query: string }>(
    "SELECT datname AS database, query FROM pg_stat_activity WHERE backend_type = 'autovacuum worker'",
  );
  const max = await client.query<{ max: string }>("SELECT current_setting('autovacuum_max_workers') AS max");
  return {
    busy: rows.length,
    max: Number(max.rows[0]?.max ?? 0),
    // "autovacuum: VACUUM public.patients": a table name, never row data.
    working: rows.map((row) => ({ database: row.database, what: row.query.slice(0, 200) })),
  };
}

async function readConnections(client: pg.Client): Promise<ServerMaintenanceReport["connections"]> {
  const { rows } = await client.query<{ database: string | null; state: string | null; count: number }>(
    `SELECT datname AS database, state, count(*)::int AS count
       FROM pg_stat_activity WHERE backend_type = 'client backend'
      GROUP BY 1, 2 ORDER BY 3 DESC, 1, 2`,
  );
  const max = await client.query<{ max: string }>("SELECT current_setting('max_connections') AS max");
  return {
    max: Number(max.rows[0]?.max ?? 0),
    total: rows.reduce((sum, row) => sum + row.count, 0),
    byDatabase: rows.map((row) => ({
      database: row.database ?? "(none)",
      state: row.state ?? "unknown",
      count: row.count,
    })),
  };
}

/** Sessions in a query, or holding a transaction open (which keeps VACUUM from cleaning up), too long. */
async function readLongQueries(client: pg.Client, seconds: number): Promise<SessionRow[]> {
  const { rows } = await client.query<SessionRow>(
    `SELECT pid, datname AS database, usename AS "user", application_name AS application, state, query,
            extract(epoch FROM now() - coalesce(xact_start, query_start))::float8 AS seconds
       FROM pg_stat_activity
      WHERE backend_type = 'client backend' AND pid <> pg_backend_pid()
        AND state IS NOT NULL AND state <> 'idle'
        AND now() - coalesce(xact_start, query_start) > make_interval(secs => $1)
      ORDER BY seconds DESC LIMIT 100`,
    [seconds],
  );
  return rows;
}

/** Every database's transaction-ID age; sizes only of the clinics' (measuring walks their files). */
async function readDatabaseAges(
  client: pg.Client,
  clinicDatabases: string[],
): Promise<{ database: string; sizeBytes: number | null; xidAge: number }[]> {
  const { rows } = await client.query<{ database: string; size: string | null; xid_age: number }>(
    `SELECT datname AS database, age(datfrozenxid) AS xid_age,
            CASE WHEN datname = ANY($1) THEN pg_database_size(oid)::text END AS size
       FROM pg_database WHERE datallowconn`,
    [clinicDatabases],
  );
  return rows.map((row) => ({
    database: row.database,
    sizeBytes: row.size === null ? null : Number(row.size),
    xidAge: Number(row.xid_age),
  }));
}
