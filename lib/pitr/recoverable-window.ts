import type pg from "pg";
import { z } from "zod";
import { AppError } from "../errors";
import type { DatabaseServer } from "../generated/central/client";
import { withAdminClient } from "../tenancy/clinic-schema";
import { readArchiver } from "./archiver-status";
import { type PitrConfig, requirePitrConfig, runPgBackRest } from "./pgbackrest";

/** The times a clinic on a server can be restored to: from the oldest backup's end to the newest archived WAL. */
export type RecoverableWindow = {
  from: Date;
  to: Date;
  /** pgBackRest's backups, oldest first: a restore starts from the newest that ended before its time. */
  backups: { label: string; stop: Date }[];
  newestWal: string | null;
};

const infoSchema = z.array(
  z.object({
    name: z.string(),
    status: z.object({ code: z.number(), message: z.string() }),
    backup: z
      .array(
        z.object({
          label: z.string(),
          error: z.boolean().optional(),
          timestamp: z.object({ start: z.number(), stop: z.number() }),
        }),
      )
      .default([]),
    archive: z.array(z.object({ max: z.string().nullable().optional() })).default([]),
  }),
);

const WAL_NAME = 24;

/**
 * The recoverable window of a PITR-enabled server, from `pgbackrest info --output=json` and the
 * server's archiver: it opens when the oldest backup ended (recovery must reach a backup's
 * consistent point before any target) and closes at the newest WAL segment archived.
 */
export async function findRecoverableWindow(
  server: DatabaseServer,
  env: NodeJS.ProcessEnv = process.env,
  options: { timeoutMs?: number } = {},
): Promise<RecoverableWindow> {
  const config = requirePitrConfig(server);
  const output = await runPgBackRest(config, ["info", "--output=json"], {
    env,
    timeoutMs: options.timeoutMs ?? 60_000,
  });
  const stanza = infoSchema.parse(JSON.parse(output)).find((entry) => entry.name === config.stanza);
  const backups = (stanza?.backup ?? []).filter((backup) => !backup.error);
  if (!stanza || backups.length === 0) {
    throw new AppError(
      "CONFLICT",
      `Server ${server.name} has no pgBackRest backup yet (stanza ${config.stanza}${stanza ? `: ${stanza.status.message}` : ""}): take one with pgbackrest --config=${config.configPath} --stanza=${config.stanza} --type=full backup.`,
    );
  }
  const stops = backups.map((backup) => backup.timestamp.stop * 1000);
  const newestWal =
    stanza.archive
      .map((archive) => archive.max ?? "")
      .sort()
      .at(-1) || null;
  const archived = await withAdminClient(server, "postgres", lastArchived);
  const archivedInRepo =
    archived && newestWal !== null && archived.wal.slice(0, WAL_NAME) <= newestWal ? archived.at : 0;
  // pgBackRest records whole seconds: the next one is surely past the oldest backup's end.
  return {
    from: new Date(Math.min(...stops) + 1000),
    to: new Date(Math.max(...stops, archivedInRepo)),
    backups: backups
      .map((backup) => ({ label: backup.label, stop: new Date(backup.timestamp.stop * 1000) }))
      .sort((a, b) => a.stop.getTime() - b.stop.getTime()),
    newestWal,
  };
}

/**
 * The window, checked to hold `at`. A time past the newest archived WAL but not in the future is
 * made recoverable first (archiveCurrentWal), so "ten minutes ago" works on a quiet server.
 */
export async function windowHolding(
  server: DatabaseServer,
  at: Date,
  env: NodeJS.ProcessEnv = process.env,
): Promise<RecoverableWindow> {
  let window = await findRecoverableWindow(server, env);
  if (at > window.to && at <= new Date()) {
    await archiveCurrentWal(server, requirePitrConfig(server));
    window = await findRecoverableWindow(server, env);
  }
  assertInWindow(at, window, server.name);
  return window;
}

/** Refuses a time outside the window, saying what the window is. */
export function assertInWindow(at: Date, window: RecoverableWindow, serverName: string): void {
  if (at >= window.from && at <= window.to) return;
  throw new AppError(
    "INVALID",
    `${at.toISOString()} is outside the recoverable window of server ${serverName}: from ${window.from.toISOString()} to ${window.to.toISOString()}. Choose a time inside it.`,
  );
}

/**
 * Makes every time up to now recoverable: a recovery to a time stops at the first commit after it,
 * so a commit is written now (an empty transaction with an xid, in the `postgres` database), its
 * WAL segment is switched out and this waits until the archiver has it. Changes no clinic data.
 */
export async function archiveCurrentWal(
  server: DatabaseServer,
  config: PitrConfig,
  timeoutMs = 60_000,
): Promise<void> {
  await withAdminClient(server, "postgres", async (client) => {
    await client.query("SELECT txid_current()");
    const { rows } = await client.query<{ wal: string }>("SELECT pg_walfile_name(pg_switch_wal()) AS wal");
    const wal = rows[0]?.wal ?? "";
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const archived = await lastArchived(client);
      if (archived && archived.wal.slice(0, WAL_NAME) >= wal) return;
      if (Date.now() > deadline) {
        const failed = archived?.failedWal ? ` The last failure was ${archived.failedWal}.` : "";
        throw new AppError(
          "UNAVAILABLE",
          `Server ${server.name} did not archive WAL segment ${wal} within ${timeoutMs / 1000} s.${failed} Check its archive_command and pgBackRest's log (log-path in ${config.configPath}).`,
        );
      }
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  });
}

async function lastArchived(
  client: pg.Client,
): Promise<{ wal: string; at: number; failedWal: string | null } | null> {
  const reading = await readArchiver(client);
  const { lastArchivedWal: wal, lastArchivedAt: at } = reading;
  return wal && at ? { wal, at: at.getTime(), failedWal: reading.lastFailedWal } : null;
}
