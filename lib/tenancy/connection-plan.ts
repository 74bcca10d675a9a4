import { z } from "zod";
import { type CentralDb, centralUrlOf } from "../db/central";
import { ConfigError } from "../errors";
import type { DatabaseServer } from "../generated/central/client";
import { describeConnectionFailure, withServerConnection } from "../super/server-connection";
import { DEFAULT_FLEET_CONCURRENCY } from "./fleet";
import { readTenantConnectionSettings } from "./registry-settings";

type Env = Readonly<Record<string, string | undefined>>;

// What each kind of client holds at most, as the code that opens it does (not a setting).
/** getCentralDb(): createCentralClient's default pool (lib/db/central.ts). */
const CENTRAL_POOL = 5;
/** A job worker's own central client (scripts/serve.ts, scripts/lib/with-central.ts) and its LISTEN job_queued. */
const WORKER_CENTRAL = 3 + 1;
/**
 * The most one job holds on one server at once: a backup's snapshot session and its pg_dump; a
 * move's control and copy sessions on its source at the cut-over; provisioning's seed pool.
 */
const PER_JOB = 2;
/** A console check or CLI command on a server: an admin session and one more beside it. */
const OPERATOR_ON_SERVER = 2;
/** A CLI command's central client (scripts/lib/with-central.ts) and the lock of the job it runs. */
const OPERATOR_ON_CENTRAL = 3 + 1;
/** Kept free beyond the reserved slots, for psql, monitoring and connections being closed. */
const HEADROOM_PERCENT = 10;

export type ProcessRole = "app" | "worker";

export type PlanSettings = {
  budget: number;
  poolMax: number;
  appProcesses: number;
  /** Processes that run a job worker: each app process unless JOB_WORKER=off, and WORKER_PROCESSES. */
  workerProcesses: number;
  jobConcurrency: number;
};

const count = (variable: string, min: number, max: number, fallback: number) =>
  z.preprocess(
    (raw) => (raw === undefined || raw === "" ? fallback : raw),
    z.coerce
      .number({ error: `${variable} must be a number` })
      .int(`${variable} must be a whole number from ${min} to ${max}`)
      .min(min, `${variable} must be a whole number from ${min} to ${max}`)
      .max(max, `${variable} must be a whole number from ${min} to ${max}`),
  );

/**
 * The settings the plan depends on, as every process of the deployment is expected to have them:
 * APP_PROCESSES app processes (`npm start -- --workers N` sets it), JOB_WORKER and WORKER_PROCESSES
 * (`npm run worker` processes; 1 when JOB_WORKER=off), JOB_CONCURRENCY and TENANT_* budgets.
 */
export function readPlanSettings(env: Env = process.env, role: ProcessRole = "app"): PlanSettings {
  const workersApart = env.JOB_WORKER === "off";
  const result = z
    .object({
      APP_PROCESSES: count("APP_PROCESSES", 1, 256, 1),
      WORKER_PROCESSES: count("WORKER_PROCESSES", 0, 256, workersApart ? 1 : 0),
      JOB_CONCURRENCY: count("JOB_CONCURRENCY", 1, 16, 2),
    })
    .safeParse(env);
  if (!result.success) throw new ConfigError(`${result.error.issues[0]?.message ?? "Invalid setting"}.`);
  const { APP_PROCESSES, WORKER_PROCESSES, JOB_CONCURRENCY } = result.data;
  // `npm run worker` is one of the workers apart, whatever WORKER_PROCESSES says.
  const apart = role === "worker" ? Math.max(WORKER_PROCESSES, 1) : WORKER_PROCESSES;
  return {
    ...readTenantConnectionSettings(env),
    appProcesses: APP_PROCESSES,
    workerProcesses: (workersApart ? 0 : APP_PROCESSES) + apart,
    jobConcurrency: JOB_CONCURRENCY,
  };
}

export type PlanServer = Pick<DatabaseServer, "name" | "status" | "capacity"> & {
  /** Clinics on it now, deleted ones aside. */
  clinics: number;
  /** The central database lives on it (DATABASE_URL's host and port). */
  hostsCentral: boolean;
};

/** Read from the server: max_connections, the slots reserved for superusers, client sessions now. */
export type ServerLimits = { maxConnections: number; reserved: number; inUse: number };

export type PlanKind = "tenant" | "central" | "listen" | "jobs" | "rollout" | "operator";

export type PlanRow = {
  kind: PlanKind;
  label: string;
  /** How the number comes about, in a few words. */
  detail: string;
  perProcess: number;
  processes: number;
  total: number;
};

export type ConnectionPlan = {
  server: string;
  rows: PlanRow[];
  total: number;
  /** Null when the server could not be read. */
  limits: (ServerLimits & { headroom: number; usable: number }) | null;
  /** Null when the server could not be read. */
  fits: boolean | null;
  /** One line: that it fits, or what to change, or why the server was not read. */
  verdict: string;
};

/**
 * Every connection the platform may hold on one server at the same moment. A process's tenant
 * budget is counted whole on each server where its clinics may live (at most TENANT_POOL_MAX per
 * clinic): nothing stops every busy clinic of the moment from being on the same server.
 */
export function planRows(server: PlanServer, settings: PlanSettings): PlanRow[] {
  const { appProcesses, workerProcesses, jobConcurrency: jobs, poolMax } = settings;
  const room = server.status === "ACTIVE" ? Math.max(server.capacity, server.clinics) : server.clinics;
  const clinicClients = Math.min(Math.floor(settings.budget / poolMax), room);
  const central = server.hostsCentral;
  const rows: PlanRow[] = [];
  const add = (row: Omit<PlanRow, "total">) => {
    if (row.perProcess > 0 && row.processes > 0) rows.push({ ...row, total: row.perProcess * row.processes });
  };
  add({
    kind: "tenant",
    label: "Clinic requests",
    detail:
      clinicClients < Math.floor(settings.budget / poolMax)
        ? `${room} ${room === 1 ? "clinic" : "clinics"} × TENANT_POOL_MAX ${poolMax}`
        : `TENANT_CONNECTION_BUDGET ${settings.budget}`,
    perProcess: clinicClients * poolMax,
    processes: appProcesses,
  });
  if (central) {
    add({
      kind: "central",
      label: "Central pool",
      detail: "pages, sign-in, sessions",
      perProcess: CENTRAL_POOL,
      processes: appProcesses,
    });
    add({
      kind: "listen",
      label: "LISTEN",
      detail: "clinic_changed",
      perProcess: 1,
      processes: appProcesses,
    });
  }
  add({
    kind: "jobs",
    label: "Job workers",
    detail: `JOB_CONCURRENCY ${jobs} × ${PER_JOB}: backups (pg_dump), restores, moves${central ? "; own pool, LISTEN, a lock per job" : ""}`,
    perProcess: PER_JOB * jobs + (central ? WORKER_CENTRAL + jobs : 0),
    processes: workerProcesses,
  });
  // The dashboard's rollout (the CLI's --concurrency N takes N, and --backup-first twice that).
  const rolledOut = Math.min(DEFAULT_FLEET_CONCURRENCY, room);
  add({
    kind: "rollout",
    label: "Schema rollout",
    detail: `${rolledOut} ${rolledOut === 1 ? "clinic" : "clinics"} at a time, once on the platform`,
    perProcess: rolledOut + (central ? 1 : 0),
    processes: 1,
  });
  add({
    kind: "operator",
    label: "Console and CLI",
    detail: "one operator action at a time",
    perProcess: OPERATOR_ON_SERVER + (central ? OPERATOR_ON_CENTRAL : 0),
    processes: 1,
  });
  return rows;
}

const sum = (rows: PlanRow[]) => rows.reduce((total, row) => total + row.total, 0);
const headroomOf = (maxConnections: number) => Math.ceil((maxConnections * HEADROOM_PERCENT) / 100);

/** The plan of one server against what it allows, or, given why it could not be read, unchecked. */
export function planServerConnections(
  server: PlanServer,
  limits: ServerLimits | { unreadable: string },
  settings: PlanSettings,
): ConnectionPlan {
  const rows = planRows(server, settings);
  const total = sum(rows);
  if ("unreadable" in limits) {
    const verdict = `Server ${server.name} could not be reached (${limits.unreadable}); its connection plan was not checked.`;
    return { server: server.name, rows, total, limits: null, fits: null, verdict };
  }
  const headroom = headroomOf(limits.maxConnections);
  const usable = limits.maxConnections - limits.reserved - headroom;
  const allowed = `max_connections ${limits.maxConnections} − ${limits.reserved} reserved for superusers − ${headroom} headroom`;
  const fits = total <= usable;
  const verdict = fits
    ? `Fits: ${total} planned of ${usable} usable (${allowed}).`
    : `Server ${server.name}: the connection plan needs ${total} connections, more than ${usable} (${allowed}): ${fixesFor(server, settings, { total, usable, reserved: limits.reserved })}.`;
  return { server: server.name, rows, total, limits: { ...limits, headroom, usable }, fits, verdict };
}

/** The largest tenant budget (else job concurrency) that fits, and the max_connections that fits as is. */
function fixesFor(
  server: PlanServer,
  settings: PlanSettings,
  { total, usable, reserved }: { total: number; usable: number; reserved: number },
): string {
  const fitsWith = (changed: Partial<PlanSettings>) =>
    sum(planRows(server, { ...settings, ...changed })) <= usable;
  const fixes: string[] = [];
  const budget = largestFitting(settings.poolMax, settings.budget - 1, (value) =>
    fitsWith({ budget: value }),
  );
  const jobs = largestFitting(1, settings.jobConcurrency - 1, (value) => fitsWith({ jobConcurrency: value }));
  if (budget !== undefined) fixes.push(`lower TENANT_CONNECTION_BUDGET to ${budget}`);
  else if (jobs !== undefined) fixes.push(`lower JOB_CONCURRENCY to ${jobs}`);
  let maxConnections = total + reserved;
  while (maxConnections - reserved - headroomOf(maxConnections) < total) maxConnections++;
  fixes.push(`raise max_connections on server ${server.name} to ${maxConnections}`);
  return fixes.join(" or ");
}

function largestFitting(min: number, max: number, fits: (value: number) => boolean): number | undefined {
  for (let value = max; value >= min; value--) if (fits(value)) return value;
  return undefined;
}

async function readServerLimits(server: DatabaseServer): Promise<ServerLimits> {
  return withServerConnection({ server }, async (client) => {
    // reserved_connections (PostgreSQL 16+) is kept for pg_use_reserved_connections: not ours either.
    const { rows } = await client.query<ServerLimits>(
      `SELECT current_setting('max_connections')::int AS "maxConnections",
              current_setting('superuser_reserved_connections')::int
                + coalesce(current_setting('reserved_connections', true), '0')::int AS reserved,
              (SELECT count(*)::int FROM pg_stat_activity
                WHERE backend_type = 'client backend' AND pid <> pg_backend_pid()) AS "inUse"`,
    );
    const row = rows[0];
    if (!row) throw new Error("The server did not report its settings.");
    return row;
  });
}

/** Each registered server's plan (or `serverName`'s alone), read from the servers themselves. */
export async function findConnectionPlans(options: {
  central: CentralDb;
  env?: Env;
  role?: ProcessRole;
  serverName?: string;
}): Promise<ConnectionPlan[]> {
  const settings = readPlanSettings(options.env, options.role);
  const centralAddress = new URL(centralUrlOf(options.central));
  const servers = await options.central.databaseServer.findMany({
    where: options.serverName === undefined ? {} : { name: options.serverName },
    orderBy: [{ isDefault: "desc" }, { name: "asc" }],
    include: { _count: { select: { clinics: { where: { status: { not: "DELETED" } } } } } },
  });
  return Promise.all(
    servers.map(async ({ _count, ...server }) => {
      const hostsCentral =
        server.host.toLowerCase() === centralAddress.hostname.toLowerCase() &&
        server.port === Number(centralAddress.port || 5432);
      const limits = await readServerLimits(server).catch((error: unknown) => ({
        unreadable: describeConnectionFailure(error, server).message,
      }));
      return planServerConnections({ ...server, clinics: _count.clinics, hostsCentral }, limits, settings);
    }),
  );
}

/**
 * For `npm start` and `npm run worker`: refuses (a ConfigError, one line) when a server's plan does
 * not fit; a server that does not answer is only a warning, so the app starts while one is down.
 */
export async function enforceConnectionPlan(options: {
  central: CentralDb;
  role: ProcessRole;
  env?: Env;
  warn?: (line: string) => void;
}): Promise<void> {
  const plans = await findConnectionPlans(options);
  const warn = options.warn ?? ((line: string) => console.warn(line));
  for (const plan of plans) if (plan.fits === null) warn(`warning: ${plan.verdict}`);
  const refused = plans.filter((plan) => plan.fits === false);
  if (refused.length > 0) {
    const details = refused.map((plan) => `npm run server:check -- ${plan.server}`).join(", ");
    throw new ConfigError(`${refused.map((plan) => plan.verdict).join(" ")} (${details} shows the plan.)`);
  }
}
