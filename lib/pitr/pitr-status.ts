import { ClinicTimeZones } from "../backups/schedule-time-zones";
import type { CentralDb } from "../db/central";
import { AppError } from "../errors";
import type { Clinic, DatabaseServer } from "../generated/central/client";
import { withAdminClient } from "../tenancy/clinic-schema";
import { type ArchiverReading, describeArchiveFailure, readArchiver } from "./archiver-status";
import { findFirstBackupHolding } from "./backup-sets";
import type { PitrConfig } from "./pgbackrest";
import { findRecoverableWindow } from "./recoverable-window";

/** Point-in-time restore on a server (or for one clinic's database on it), as the consoles and server:check show it. */
export type PitrStatus = {
  /** The stanza pitr:setup recorded; null: point-in-time restore is not set up on this server. */
  stanza: string | null;
  /** The command that sets it up, while it is not (run on the server's machine). */
  setupCommand: string | null;
  /** The server's archive settings and pg_stat_archiver; null when the server did not answer. */
  archiver: ArchiverReading | null;
  /** Archiving is on and failing: what that means and what to do. */
  archiveFailure: string | null;
  /** The moments that can be restored (for a clinic, from the first backup that holds its database). */
  window: { from: Date; to: Date } | null;
  /** Archiving works, so every moment up to now can be restored (a restore archives the newest WAL first). */
  windowReachesNow: boolean;
  /** Why the window is not known although it is set up: no pgbackrest here, no answer in time, no backup yet. */
  windowProblem: string | null;
};

/** Pages ask every server at once and wait for none longer than this. */
export const PITR_STATUS_TIMEOUT_MS = 5_000;

/**
 * Whether a server has point-in-time restore, its archiver's health, and the recoverable window
 * (`pgbackrest info`), each bounded by `timeoutMs`: a server or repository that does not answer,
 * or a machine without pgbackrest, gives a reason instead of an error.
 */
export async function findPitrStatus(options: {
  server: DatabaseServer;
  /** A clinic's database: the window then starts after the first backup that holds it. */
  database?: string;
  env?: NodeJS.ProcessEnv;
  timeoutMs?: number;
}): Promise<PitrStatus> {
  const { server } = options;
  const timeoutMs = options.timeoutMs ?? PITR_STATUS_TIMEOUT_MS;
  const config: PitrConfig | null =
    server.pitrStanza && server.pitrConfigPath
      ? { stanza: server.pitrStanza, configPath: server.pitrConfigPath }
      : null;
  const [archiver, found] = await Promise.all([
    withDeadline(
      withAdminClient(server, "postgres", (client) => readArchiver(client, config)),
      timeoutMs,
      server.name,
    ).catch(() => null),
    config
      ? withDeadline(readWindow({ ...options, timeoutMs }), timeoutMs, server.name).then(
          (window) => ({ window, problem: null }),
          (error: unknown) => ({ window: null, problem: messageOf(error) }),
        )
      : { window: null, problem: null },
  ]);
  const archiveFailure = archiver ? describeArchiveFailure(archiver, config) : null;
  return {
    stanza: config?.stanza ?? null,
    setupCommand: config ? null : `npm run pitr:setup -- ${server.name} --repo /var/lib/pgbackrest`,
    archiver,
    archiveFailure,
    window: found.window,
    windowReachesNow: found.window !== null && archiver !== null && archiveFailure === null,
    windowProblem: found.problem,
  };
}

/**
 * A clinic's point-in-time restore as its backups pages show it: its server's status with the
 * window narrowed to the clinic's database (null: the clinic has no server), and the clinic's time
 * zone to show and read moments in (UTC when its database cannot be read now).
 */
export async function findClinicPitrStatus(options: {
  central: CentralDb;
  clinic: Clinic;
  env?: NodeJS.ProcessEnv;
}): Promise<{ status: PitrStatus | null; timeZone: string }> {
  const { central, clinic } = options;
  const server = clinic.databaseServerId
    ? await central.databaseServer.findUnique({ where: { id: clinic.databaseServerId } })
    : null;
  if (!server) return { status: null, timeZone: "UTC" };
  const [status, zones] = await Promise.all([
    findPitrStatus({ server, database: clinic.databaseName, env: options.env }),
    new ClinicTimeZones().find([{ ...clinic, databaseServer: server }]),
  ]);
  return { status, timeZone: zones.get(clinic.id) ?? "UTC" };
}

async function readWindow(options: {
  server: DatabaseServer;
  database?: string;
  env?: NodeJS.ProcessEnv;
  timeoutMs: number;
}): Promise<{ from: Date; to: Date }> {
  const { server, database, env, timeoutMs } = options;
  const window = await findRecoverableWindow(server, env, { timeoutMs });
  if (!database) return { from: window.from, to: window.to };
  const first = await findFirstBackupHolding({ server, window, database, env, timeoutMs });
  if (!first) {
    throw new AppError(
      "CONFLICT",
      `The clinic's database is in none of server ${server.name}'s pgBackRest backups yet (it was created, restored or moved there after the newest one): moments after the next backup will be restorable.`,
    );
  }
  // As findRecoverableWindow: pgBackRest records whole seconds, so the next one is past the backup's end.
  return { from: new Date(first.stop.getTime() + 1000), to: window.to };
}

function withDeadline<T>(work: Promise<T>, ms: number, serverName: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<never>((_, reject) => {
    timer = setTimeout(
      () => reject(new AppError("UNAVAILABLE", `Server ${serverName} did not answer within ${ms / 1000} s.`)),
      ms,
    );
  });
  return Promise.race([work, late]).finally(() => clearTimeout(timer));
}

function messageOf(error: unknown): string {
  return error instanceof AppError ? error.message : "The recoverable window could not be read.";
}
