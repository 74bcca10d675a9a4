import type pg from "pg";
import type { CentralDb } from "../db/central";
import type { DatabaseServer } from "../generated/central/client";
import { findPitrStatus, type PitrStatus } from "../pitr/pitr-status";
import { withAdminClient } from "../tenancy/clinic-schema";
import { type ConnectionPlan, findConnectionPlans } from "../tenancy/connection-plan";
import { moveMethodFor } from "./move-method";
import { findMoveOrphans, type MoveOrphan } from "./orphaned-objects";

/** A setting's limit beside how much of it is in use now. */
export type Usage = { max: number; used: number };

/** What `npm run server:check` says about one registered server. */
export type ServerCheckReport = {
  server: string;
  host: string;
  port: number;
  status: string;
  reachable: boolean;
  /** Why it could not be reached (then nothing below was read). */
  error: string | null;
  version: string | null;
  walLevel: string | null;
  /** wal_level=logical: a clinic is moved away from this server by replication (else by backup and restore). */
  canBeMoveSource: boolean;
  replicationSlots: Usage | null;
  walSenders: Usage | null;
  logicalReplicationWorkers: Usage | null;
  maxSlotWalKeepSize: string | null;
  connections: Usage | null;
  clinics: { hosted: number; capacity: number };
  orphans: MoveOrphan[];
  /** Every pool's worst case on this server against its max_connections (lib/tenancy/connection-plan.ts). */
  connectionPlan: ConnectionPlan | null;
  /** Point-in-time restore: archive_mode and archive_command, the archiver's failures, the stanza, the window. */
  pitr: PitrStatus | null;
  /** What to change, one line each; empty when the server is ready for moves both ways and its archiving (if on) works. */
  advice: string[];
};

type Readings = Pick<
  ServerCheckReport,
  | "version"
  | "walLevel"
  | "replicationSlots"
  | "walSenders"
  | "logicalReplicationWorkers"
  | "maxSlotWalKeepSize"
  | "connections"
>;

async function readServer(admin: pg.Client): Promise<Readings> {
  const { rows } = await admin.query<Record<string, string>>(
    `SELECT current_setting('server_version') AS version, current_setting('wal_level') AS wal_level,
            current_setting('max_replication_slots') AS max_slots,
            (SELECT count(*) FROM pg_replication_slots)::text AS slots,
            current_setting('max_wal_senders') AS max_senders,
            (SELECT count(*) FROM pg_stat_replication)::text AS senders,
            current_setting('max_logical_replication_workers') AS max_workers,
            (SELECT count(*) FROM pg_stat_activity WHERE backend_type LIKE 'logical replication%worker')::text AS workers,
            current_setting('max_slot_wal_keep_size') AS keep_size,
            current_setting('max_connections') AS max_connections,
            (SELECT count(*) FROM pg_stat_activity WHERE backend_type = 'client backend')::text AS connections`,
  );
  const row = rows[0] ?? {};
  const usage = (max?: string, used?: string): Usage => ({ max: Number(max), used: Number(used) });
  return {
    version: row.version ?? null,
    walLevel: row.wal_level ?? null,
    replicationSlots: usage(row.max_slots, row.slots),
    walSenders: usage(row.max_senders, row.senders),
    logicalReplicationWorkers: usage(row.max_workers, row.workers),
    maxSlotWalKeepSize: row.keep_size ?? null,
    connections: usage(row.max_connections, row.connections),
  };
}

/**
 * Reachability, version, whether the server can be a move's source or target (wal_level, free
 * replication slots, WAL senders and apply workers), its connections beside the clinics it holds,
 * what earlier moves left behind on it with no job to remove it, and its point-in-time restore
 * (archiving, its failures, the recorded stanza and the recoverable window).
 */
export async function checkServerForMoves(options: {
  central: CentralDb;
  server: DatabaseServer;
  env?: NodeJS.ProcessEnv;
}): Promise<ServerCheckReport> {
  const { central, server } = options;
  const hosted = await central.clinic.count({
    where: { databaseServerId: server.id, status: { not: "DELETED" } },
  });
  const base = {
    server: server.name,
    host: server.host,
    port: server.port,
    status: server.status.toLowerCase(),
    clinics: { hosted, capacity: server.capacity },
    connectionPlan:
      (await findConnectionPlans({ central, env: options.env, serverName: server.name }))[0] ?? null,
  };
  try {
    const readings = await withAdminClient(server, "postgres", readServer);
    const [orphans, pitr] = await Promise.all([
      findMoveOrphans({ central, server, publications: true, env: options.env }),
      findPitrStatus({ server, env: options.env, timeoutMs: PITR_TIMEOUT_MS }),
    ]);
    const report = { ...base, ...readings, reachable: true, error: null, orphans, pitr };
    const canBeMoveSource = moveMethodFor(readings.walLevel ?? "") === "replication";
    return { ...report, canBeMoveSource, advice: adviseOn(report) };
  } catch (error) {
    const empty = { version: null, walLevel: null, replicationSlots: null, walSenders: null };
    return {
      ...base,
      ...empty,
      logicalReplicationWorkers: null,
      maxSlotWalKeepSize: null,
      connections: null,
      reachable: false,
      error: (error as Error).message,
      canBeMoveSource: false,
      orphans: [],
      pitr: null,
      advice: [
        `Not reachable as its admin: check that PostgreSQL runs at ${server.host}:${server.port} and the stored password.`,
      ],
    };
  }
}

// A command line may wait longer than a page for pgBackRest's repository.
const PITR_TIMEOUT_MS = 30_000;

const isFull = (usage: Usage | null) => usage !== null && usage.used >= usage.max;

function adviseOn(report: Omit<ServerCheckReport, "advice" | "canBeMoveSource">): string[] {
  const advice: string[] = [];
  if (report.walLevel !== "logical")
    advice.push(
      `wal_level=${report.walLevel}: clinics are moved away from this server by backup and restore, paused for the whole copy. For a pause of under a second, set wal_level=logical in postgresql.conf and restart PostgreSQL.`,
    );
  if (isFull(report.replicationSlots))
    advice.push("No free replication slot: raise max_replication_slots (a restart) or drop an unused slot.");
  if (isFull(report.walSenders)) advice.push("No free WAL sender: raise max_wal_senders (a restart).");
  if (report.logicalReplicationWorkers?.max === 0)
    advice.push("max_logical_replication_workers=0: clinics cannot be moved to this server; raise it.");
  if (report.walLevel === "logical" && report.maxSlotWalKeepSize === "-1")
    advice.push(
      "max_slot_wal_keep_size=-1: a replication slot left behind keeps WAL without limit; set a size the disk can hold (e.g. 10GB).",
    );
  const connections = report.connections;
  if (connections && connections.used >= connections.max * 0.8)
    advice.push(
      `${connections.used} of max_connections=${connections.max} in use with ${report.clinics.hosted} clinics here: raise max_connections or move clinics away.`,
    );
  for (const orphan of report.orphans)
    advice.push(`${orphan.kind} ${orphan.name} (its move job ${orphan.job}): ${orphan.fix}`);
  if (report.connectionPlan?.fits === false) advice.push(report.connectionPlan.verdict);
  if (report.pitr?.archiveFailure) advice.push(report.pitr.archiveFailure);
  return advice;
}
