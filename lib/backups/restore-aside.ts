import type { CentralDb } from "../db/central";
import { withAdminClient } from "../tenancy/clinic-schema";
import { quoteIdent } from "../tenancy/names";

const MAX_IDENTIFIER = 63;
const KEPT_BY_PREFIX = "restore job ";

/** `<database>_before_restore_<UTC yyyymmddhhmmssSSS>` (milliseconds: two restores may end within a second), the database name shortened when it must fit 63 bytes. */
export function asideDatabaseName(databaseName: string, at: Date): string {
  const suffix = `_before_restore_${at.toISOString().replace(/\D/g, "").slice(0, 17)}`;
  return `${databaseName.slice(0, MAX_IDENTIFIER - suffix.length)}${suffix}`;
}

/** Who keeps a database set aside by a restore, on the kept list (tenant:doctor leaves it alone). */
export function keptByRestore(jobId: string): string {
  return `${KEPT_BY_PREFIX}${jobId}`;
}

/** RESTORE_KEEP_HOURS (default 24): how long the database a restore replaced is kept as an undo. */
export function restoreKeepHours(env: NodeJS.ProcessEnv = process.env): number {
  const hours = Number(env.RESTORE_KEEP_HOURS ?? 24);
  if (!Number.isFinite(hours) || hours < 0)
    throw new Error("RESTORE_KEEP_HOURS must be a number of hours, 0 or more.");
  return hours;
}

/**
 * Drops the databases restores set aside longer ago than RESTORE_KEEP_HOURS, and their kept rows.
 * Only databases on the kept list under a restore's name are ever dropped here.
 */
export async function dropExpiredAsideDatabases(
  central: CentralDb,
  env: NodeJS.ProcessEnv = process.env,
): Promise<string[]> {
  const before = new Date(Date.now() - restoreKeepHours(env) * 3_600_000);
  const expired = await central.keptDatabase.findMany({
    where: {
      keptBy: { startsWith: KEPT_BY_PREFIX },
      keptAt: { lt: before },
      databaseName: { contains: "_before_restore_" },
    },
  });
  const dropped: string[] = [];
  for (const kept of expired) {
    const server = await central.databaseServer.findUnique({ where: { id: kept.serverId } });
    if (!server) continue;
    await withAdminClient(server, "postgres", (admin) =>
      admin.query(`DROP DATABASE IF EXISTS ${quoteIdent(kept.databaseName)} WITH (FORCE)`),
    );
    await central.keptDatabase.delete({ where: { id: kept.id } });
    dropped.push(kept.databaseName);
  }
  return dropped;
}
