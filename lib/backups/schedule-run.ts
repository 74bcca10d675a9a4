import type { CentralDb } from "../db/central";
import type { Job, Prisma } from "../generated/central/client";
import { enqueueJob } from "../jobs/queue";
import {
  CENTRAL_KEY,
  DRILL_DELAY_HOURS,
  DRILL_KEY,
  findDueTargets,
  platformTimeZone,
  type ScheduleTarget,
  scheduledSlot,
  takenKey,
} from "./schedule";
import { findBackupSettings } from "./schedule-settings";
import type { ClinicTimeZones } from "./schedule-time-zones";

type Tx = Prisma.TransactionClient;

export type ScheduleOptions = { now?: Date; env?: NodeJS.ProcessEnv; timeZones: ClinicTimeZones };

/**
 * Queues the next scheduled backup that is due (a clinic's at the backup hour of its own time
 * zone, the central database's at the platform's), or nothing: at most one scheduled backup is
 * queued or running on the whole platform at a time, and each clinic gets one per local day. Any
 * number of workers may call this: an advisory lock makes the check and the queueing one step.
 */
export async function queueDueBackup(central: CentralDb, options: ScheduleOptions): Promise<Job | null> {
  const now = options.now ?? new Date();
  const { backupHour } = await findBackupSettings(central);
  const clinics = await central.clinic.findMany({
    where: { status: "ACTIVE", schemaVersion: { not: null } },
    select: { id: true, databaseName: true, databaseServer: true },
  });
  const zones = await options.timeZones.find(clinics, now.getTime());
  const targets: ScheduleTarget[] = [
    { key: CENTRAL_KEY, timeZone: platformTimeZone(options.env) },
    ...clinics.flatMap((clinic) => {
      const timeZone = zones.get(clinic.id);
      return timeZone ? [{ key: clinic.id, timeZone }] : [];
    }),
  ];
  return central.$transaction(async (tx) => {
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext('clinic-platform:backup-schedule'))`;
    const recent = await recentScheduledJobs(tx, ["backup-clinic", "backup-central"], now);
    if (recent.some((job) => job.state === "QUEUED" || job.state === "RUNNING")) return null;
    const taken = new Set(recent.map((job) => takenKey(job.clinicId ?? CENTRAL_KEY, dayOf(job))));
    const busy = new Set(
      (
        await tx.job.findMany({
          where: { state: { in: ["QUEUED", "RUNNING"] }, clinicId: { not: null } },
          select: { clinicId: true },
        })
      ).map((job) => job.clinicId),
    );
    const next = findDueTargets(targets, { now, hour: backupHour, taken }).find(
      (target) => !busy.has(target.key),
    );
    if (!next) return null;
    const central = next.key === CENTRAL_KEY;
    return queueNow(tx, {
      kind: central ? "backup-central" : "backup-clinic",
      clinicId: central ? undefined : next.key,
      payload: { kind: "SCHEDULED", day: next.day },
      maxAttempts: 3,
    });
  });
}

/**
 * Queues the next restore drill of the day, once the drill hour (backup hour + 3, platform time)
 * has come: up to drillSampleSize a day, one at a time, each of a clinic's (or the central
 * database's) newest finished backup, the one whose last verification is oldest first.
 */
export async function queueDueDrill(central: CentralDb, options: Omit<ScheduleOptions, "timeZones">) {
  const now = options.now ?? new Date();
  const { backupHour, drillSampleSize } = await findBackupSettings(central);
  const slot = scheduledSlot(
    { key: DRILL_KEY, timeZone: platformTimeZone(options.env) },
    now,
    (backupHour + DRILL_DELAY_HOURS) % 24,
  );
  if (slot.dueAt > now || drillSampleSize === 0) return null;
  return central.$transaction(async (tx) => {
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext('clinic-platform:backup-drills'))`;
    const recent = await recentScheduledJobs(tx, ["restore-drill"], now);
    if (recent.some((job) => job.state === "QUEUED" || job.state === "RUNNING")) return null;
    const today = recent.filter((job) => dayOf(job) === slot.day);
    if (today.length >= drillSampleSize) return null;
    const drilled = new Set(today.map((job) => (job.payload as { backupId?: string }).backupId));
    const candidate = (await findDrillCandidates(tx)).find((backup) => !drilled.has(backup.id));
    if (!candidate) return null;
    return queueNow(tx, {
      kind: "restore-drill",
      payload: { backupId: candidate.id, clinicId: candidate.clinicId, day: slot.day },
      maxAttempts: 2,
    });
  });
}

/** Each clinic's (and central's) newest finished backup, the least recently verified target first. */
async function findDrillCandidates(tx: Tx): Promise<{ id: string; clinicId: string | null }[]> {
  return tx.$queryRaw<{ id: string; clinicId: string | null }[]>`
    WITH newest AS (
      SELECT DISTINCT ON (b.clinic_id) b.id, b.clinic_id, b.started_at
        FROM backups b LEFT JOIN clinics c ON c.id = b.clinic_id
       WHERE b.status = 'DONE' AND b.file_path IS NOT NULL
         AND (b.clinic_id IS NULL OR c.status IN ('ACTIVE', 'SUSPENDED'))
       ORDER BY b.clinic_id, b.started_at DESC),
    verified AS (
      SELECT clinic_id, max(verified_at) AS at FROM backups WHERE verified_at IS NOT NULL GROUP BY clinic_id)
    SELECT n.id::text AS "id", n.clinic_id::text AS "clinicId"
      FROM newest n LEFT JOIN verified v ON v.clinic_id IS NOT DISTINCT FROM n.clinic_id
     ORDER BY v.at ASC NULLS FIRST, n.started_at DESC`;
}

/** Scheduled jobs of the last three days (enough to cover every time zone's "today"). */
async function recentScheduledJobs(tx: Tx, kinds: string[], now: Date): Promise<Job[]> {
  const jobs = await tx.job.findMany({
    where: { kind: { in: kinds }, createdAt: { gte: new Date(now.getTime() - 3 * 86_400_000) } },
  });
  // A backup someone asked for has no day: only the schedule's own jobs count.
  return jobs.filter((job) => dayOf(job) !== "");
}

function dayOf(job: Job): string {
  const day = (job.payload as { day?: unknown } | null)?.day;
  return typeof day === "string" ? day : "";
}

/** Queued for workers at once: no caller waits to run it (the caller's reservation is for requests and CLIs). */
async function queueNow(tx: Tx, job: Parameters<typeof enqueueJob>[1]): Promise<Job> {
  const queued = await enqueueJob(tx, job);
  return tx.job.update({ where: { id: queued.id }, data: { runAfter: new Date() } });
}
