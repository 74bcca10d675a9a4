import type { CentralDb } from "../db/central";
import { subdomainReservationDays } from "../tenancy/clinic-claim";
import { backupDirs, removeBackupFiles } from "./backup-store";
import { selectExpiredBackups } from "./retention";
import { findBackupSettings } from "./schedule-settings";

export type RetentionOptions = { env?: NodeJS.ProcessEnv; now?: Date };

/**
 * Applies retention to one clinic's backups (null: the central database's): each expired backup's
 * file and its copy are removed, then its row. A backup a restore or drill is about to read is
 * left for the next round. Returns how many went.
 */
export async function applyRetention(
  central: CentralDb,
  clinicId: string | null,
  options: RetentionOptions = {},
): Promise<number> {
  const env = options.env ?? process.env;
  const settings = await findBackupSettings(central);
  const clinic = clinicId
    ? await central.clinic.findUnique({ where: { id: clinicId }, select: { status: true, deletedAt: true } })
    : null;
  const backups = await central.backup.findMany({ where: { clinicId } });
  const expired = selectExpiredBackups(backups, {
    keepDaily: settings.backupKeepDaily,
    keepWeekly: settings.backupKeepWeekly,
    reservationDays: subdomainReservationDays(env),
    deletedAt: clinic?.status === "DELETED" ? (clinic.deletedAt ?? new Date(0)) : null,
    now: options.now ?? new Date(),
  });
  if (expired.length === 0) return 0;
  const inUse = await backupsInUse(central);
  const dirs = backupDirs(env);
  let removed = 0;
  for (const id of expired) {
    const backup = backups.find((row) => row.id === id);
    if (!backup || inUse.has(id)) continue;
    if (backup.filePath) await removeBackupFiles(dirs, backup.filePath);
    removed += (await central.backup.deleteMany({ where: { id, status: "DONE" } })).count;
  }
  return removed;
}

/** Retention over every clinic that has backups, and the central database (a deleted clinic takes no new ones). */
export async function applyRetentionEverywhere(
  central: CentralDb,
  options: RetentionOptions = {},
): Promise<number> {
  const owners = await central.backup.findMany({
    where: { status: "DONE" },
    distinct: ["clinicId"],
    select: { clinicId: true },
  });
  let removed = 0;
  for (const { clinicId } of owners) removed += await applyRetention(central, clinicId, options);
  return removed;
}

async function backupsInUse(central: CentralDb): Promise<Set<string>> {
  const jobs = await central.job.findMany({
    where: { kind: { in: ["restore-clinic", "restore-drill"] }, state: { in: ["QUEUED", "RUNNING"] } },
    select: { payload: true },
  });
  return new Set(jobs.map((job) => String((job.payload as { backupId?: unknown }).backupId)));
}
