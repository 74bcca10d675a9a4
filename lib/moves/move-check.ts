import type pg from "pg";
import { findPgTools } from "../backups/pg-tools";
import { AppError } from "../errors";
import type { JobContext } from "../jobs/runner";
import { findServerObjects, isOwnMarker, type ObjectMarker } from "../tenancy/server-objects";
import { moveMethodFor } from "./move-method";
import { attemptAdmin, type MoveMethod, type MovePlan } from "./move-plan";

type Settings = Record<string, string>;

async function readSettings(admin: pg.Client, names: string[]): Promise<Settings> {
  const { rows } = await admin.query<{ name: string; setting: string }>(
    "SELECT name, setting FROM pg_settings WHERE name = ANY($1)",
    [names],
  );
  return Object.fromEntries(rows.map((row) => [row.name, row.setting]));
}

/**
 * Refuses a move that cannot work before anything is made, and decides how it copies: the clinic
 * active, the target active, reachable, with room and with no database of this clinic's name; a
 * source with wal_level=logical must be able to publish (a free replication slot and WAL sender)
 * and the target to subscribe; any other source is moved by backup and restore, which needs
 * pg_dump/pg_restore for both servers and a target no older than the source. Every refusal names
 * what to change.
 */
export async function checkMove(
  ctx: JobContext,
  plan: MovePlan,
  own: ObjectMarker,
  env?: NodeJS.ProcessEnv,
): Promise<MoveMethod> {
  const { clinic, source, target } = plan;
  if (clinic.status !== "ACTIVE") {
    throw new AppError(
      "CONFLICT",
      `The clinic is ${clinic.status.toLowerCase()}; only an active clinic can be moved.`,
    );
  }
  if (clinic.databaseServerId !== source.id) {
    throw new AppError("CONFLICT", `The clinic is no longer on server ${source.name}; nothing was changed.`);
  }
  if (target.status !== "ACTIVE") {
    throw new AppError(
      "CONFLICT",
      `Server ${target.name} is ${target.status.toLowerCase()}; clinics can only be moved to an active server.`,
    );
  }
  const hosted = await ctx.central.clinic.count({
    where: { databaseServerId: target.id, status: { not: "DELETED" } },
  });
  if (hosted >= target.capacity) {
    throw new AppError(
      "CONFLICT",
      `Server ${target.name} is full (${hosted} of ${target.capacity} clinics); raise its capacity or pick another server.`,
    );
  }
  const from = await attemptAdmin(ctx, source, "postgres", (admin) => checkSource(admin, source.name));
  const to = await attemptAdmin(ctx, target, "postgres", (admin) =>
    checkTarget(admin, plan, own, from.method),
  ).catch((error: unknown) => {
    if (error instanceof AppError) throw error;
    throw new AppError(
      "UNAVAILABLE",
      `Server ${target.name} could not be reached (${(error as Error).message}); nothing was changed.`,
    );
  });
  if (from.method === "backup") {
    const major = (versionNum: number) => Math.floor(versionNum / 10000);
    if (major(to.versionNum) < major(from.versionNum)) {
      throw new AppError(
        "CONFLICT",
        `Server ${target.name} runs PostgreSQL ${major(to.versionNum)}, older than server ${source.name} (${major(from.versionNum)}): a dump cannot be restored into an older version. Pick a server of version ${major(from.versionNum)} or newer; nothing was changed.`,
      );
    }
    // The target is no older than the source: tools that fit it fit both.
    await findPgTools(to.versionNum, env);
  }
  return from.method;
}

type ServerReading = { versionNum: number };

async function checkSource(admin: pg.Client, name: string): Promise<ServerReading & { method: MoveMethod }> {
  const settings = await readSettings(admin, [
    "wal_level",
    "max_replication_slots",
    "max_wal_senders",
    "server_version_num",
  ]);
  const versionNum = Number(settings.server_version_num);
  const method = moveMethodFor(settings.wal_level ?? "");
  if (method === "backup") return { versionNum, method };
  const { rows } = await admin.query<{ slots: number; senders: number }>(
    `SELECT (SELECT count(*)::int FROM pg_replication_slots) AS slots,
            (SELECT count(*)::int FROM pg_stat_replication) AS senders`,
  );
  const used = rows[0] ?? { slots: 0, senders: 0 };
  if (used.slots >= Number(settings.max_replication_slots)) {
    throw new AppError(
      "CONFLICT",
      `Server ${name} has no free replication slot (${used.slots} of max_replication_slots=${settings.max_replication_slots} in use); raise max_replication_slots or drop an unused slot. Nothing was changed.`,
    );
  }
  if (used.senders >= Number(settings.max_wal_senders)) {
    throw new AppError(
      "CONFLICT",
      `Server ${name} has no free WAL sender (max_wal_senders=${settings.max_wal_senders}); raise it. Nothing was changed.`,
    );
  }
  return { versionNum, method };
}

async function checkTarget(
  admin: pg.Client,
  plan: MovePlan,
  own: ObjectMarker,
  method: MoveMethod,
): Promise<ServerReading> {
  const { clinic, target } = plan;
  const settings = await readSettings(admin, [
    "max_replication_slots",
    "max_logical_replication_workers",
    "server_version_num",
  ]);
  if (method === "replication") {
    // The subscriber keeps one replication origin per subscription, counted against its max_replication_slots.
    const origins = await admin.query<{ used: number }>(
      "SELECT count(*)::int AS used FROM pg_replication_origin",
    );
    if ((origins.rows[0]?.used ?? 0) >= Number(settings.max_replication_slots)) {
      throw new AppError(
        "CONFLICT",
        `Server ${target.name} cannot take another subscription (max_replication_slots=${settings.max_replication_slots}); raise it. Nothing was changed.`,
      );
    }
    if (Number(settings.max_logical_replication_workers) < 1) {
      throw new AppError(
        "CONFLICT",
        `Server ${target.name} has max_logical_replication_workers=0; raise it.`,
      );
    }
  }
  const found = await findServerObjects(admin, clinic);
  if (found.database) {
    throw new AppError(
      "CONFLICT",
      `Server ${target.name} already has a database named ${clinic.databaseName} (kept from an earlier move, or made by hand); remove it there first (npm run tenant:doctor lists it). Nothing was changed.`,
    );
  }
  if (found.role && !isOwnMarker(found.role.marker, own)) {
    throw new AppError(
      "CONFLICT",
      `Server ${target.name} already has a role named ${clinic.roleName} that was not made for this clinic; nothing was changed.`,
    );
  }
  return { versionNum: Number(settings.server_version_num) };
}
