import type { Actor } from "../auth/actor";
import type { CentralDb } from "../db/central";
import { recordCentralAudit } from "../db/central-audit";
import { AppError } from "../errors";
import type { DatabaseServer } from "../generated/central/client";
import { withMaintenanceClient } from "./maintenance-connection";

/** A session as pg_stat_activity shows it. */
export type SessionRow = {
  pid: number;
  database: string | null;
  user: string | null;
  application: string | null;
  state: string | null;
  query: string | null;
  seconds: number;
};

export type SessionView = {
  pid: number;
  database: string | null;
  /** The clinic whose database it is in, when it is one of this platform's. */
  clinic: string | null;
  user: string | null;
  application: string | null;
  state: string | null;
  /** The statement with its string literals masked (they may hold patient details), shortened. */
  query: string;
  seconds: number;
  /** The platform's own session (its admin, a job, a migration): stopped only when asked explicitly. */
  platform: boolean;
  /** Why it may not be stopped from here, or null. */
  refusal: string | null;
};

type Classified = { clinic: string | null; platform: boolean; refusal: string | null };

/** The clinic databases of this platform on `server` (active or suspended), by database name. */
export async function readClinicDatabases(
  central: CentralDb,
  server: DatabaseServer,
): Promise<Map<string, string>> {
  const clinics = await central.clinic.findMany({
    where: { databaseServerId: server.id, status: { in: ["ACTIVE", "SUSPENDED"] } },
    select: { subdomain: true, databaseName: true },
  });
  return new Map(clinics.map((clinic) => [clinic.databaseName, clinic.subdomain]));
}

// Job attempts ("job:<id>:<n>"), the job worker, and this platform's own tools name their sessions.
const PLATFORM_APPLICATIONS = /^(job:|job-worker:|clinic-platform:)/;

/**
 * Whether a session may be cancelled or ended from the console: only in one of this platform's
 * clinic databases (never the central database, another platform's or an operator's), and never
 * the platform's own admin, job or migration sessions unless `includePlatform` says so.
 */
export function classifySession(
  row: Pick<SessionRow, "database" | "user" | "application">,
  context: { server: DatabaseServer; clinicDatabases: Map<string, string>; includePlatform?: boolean },
): Classified {
  const clinic = (row.database && context.clinicDatabases.get(row.database)) || null;
  const platform = row.user === context.server.adminUser || PLATFORM_APPLICATIONS.test(row.application ?? "");
  if (!clinic) {
    return {
      clinic,
      platform,
      refusal: "It is not in a clinic database of this platform; stop it on the server itself.",
    };
  }
  if (platform && !context.includePlatform) {
    return {
      clinic,
      platform,
      refusal:
        "It is the platform's own session (a job, a migration or an admin); stopping it needs an explicit confirmation.",
    };
  }
  return { clinic, platform, refusal: null };
}

export function viewSession(row: SessionRow, classified: Classified): SessionView {
  return {
    pid: row.pid,
    database: row.database,
    user: row.user,
    application: row.application,
    state: row.state,
    query: maskQuery(row.query ?? ""),
    seconds: Math.round(row.seconds),
    ...classified,
  };
}

/** String literals become '…' (a query typed by hand may carry a patient's name), then at most 200 characters. */
export function maskQuery(query: string): string {
  const masked = query
    .replace(/\$([A-Za-z_]*)\$[\s\S]*?\$\1\$/g, "'…'")
    .replace(/'(?:[^']|'')*(?:'|$)/g, "'…'")
    .replace(/\s+/g, " ")
    .trim();
  return masked.length > 200 ? `${masked.slice(0, 199)}…` : masked;
}

export type StopMode = "cancel" | "terminate";

export type StopOutcome = { pid: number; stopped: boolean; message: string };

/**
 * Cancels a session's query (pg_cancel_backend) or ends the session (pg_terminate_backend), after
 * checking on the server that it is in one of this platform's clinic databases (classifySession).
 * The request is audited centrally before the signal goes (a signal cannot be taken back; an audit
 * row that cannot be written stops it); the check is repeated in the signalling statement, so a
 * pid reused meanwhile by another session is not hit. A session already gone is not an error.
 */
export async function stopSession(options: {
  central: CentralDb;
  actor?: Actor;
  serverId: string;
  pid: number;
  mode: StopMode;
  includePlatform?: boolean;
}): Promise<StopOutcome> {
  const { central, pid, mode } = options;
  const server = await central.databaseServer.findUnique({ where: { id: options.serverId } });
  if (!server) throw new AppError("NOT_FOUND", "No such database server.");
  const clinicDatabases = await readClinicDatabases(central, server);
  return withMaintenanceClient(server, "postgres", async (client) => {
    const found = await client.query<SessionRow>(
      `SELECT pid, datname AS database, usename AS "user", application_name AS application, state, query, 0 AS seconds
         FROM pg_stat_activity WHERE pid = $1 AND backend_type = 'client backend' AND pid <> pg_backend_pid()`,
      [pid],
    );
    const row = found.rows[0];
    if (!row) return { pid, stopped: false, message: "That session had already ended." };
    const classified = classifySession(row, {
      server,
      clinicDatabases,
      includePlatform: options.includePlatform,
    });
    if (classified.refusal || !classified.clinic) {
      throw new AppError(
        "FORBIDDEN",
        `Not stopped: ${classified.refusal ?? "it is not a clinic's session."}`,
      );
    }
    if (options.actor) {
      await recordCentralAudit(central, {
        actor: options.actor,
        action: mode === "cancel" ? "maintenance.query-cancelled" : "maintenance.session-terminated",
        target: { type: "database-server", id: server.id },
        details: { pid, clinic: classified.clinic, platformSession: classified.platform },
      });
    }
    const signal = mode === "cancel" ? "pg_cancel_backend" : "pg_terminate_backend";
    const sent = await client.query<{ stopped: boolean }>(
      `SELECT ${signal}(pid) AS stopped FROM pg_stat_activity
        WHERE pid = $1 AND datname = $2 AND usename IS NOT DISTINCT FROM $3 AND application_name IS NOT DISTINCT FROM $4`,
      [pid, row.database, row.user, row.application],
    );
    const stopped = sent.rows[0]?.stopped === true;
    const done = mode === "cancel" ? "Its query was cancelled." : "The session was ended.";
    return { pid, stopped, message: stopped ? done : "That session ended before it could be stopped." };
  });
}
