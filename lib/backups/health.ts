import type { CentralDb } from "../db/central";
import { drillPayloadSchema } from "./drills";
import { findBackupSettings } from "./schedule-settings";

export type BackupHealth = {
  /** null: the central database. */
  clinicId: string | null;
  subdomain: string | null;
  name: string;
  lastBackup: { id: string; startedAt: Date } | null;
  lastVerified: { id: string; startedAt: Date; verifiedAt: Date } | null;
  /** Hours since the last verified backup was taken (how old the data is that is known to restore). */
  verifiedAgeHours: number | null;
  /** A restore drill that failed after the last verification, and why. */
  failedDrill: { at: Date; reason: string } | null;
  flagged: boolean;
  /** Why it is flagged, in a sentence for /super. */
  reason: string | null;
};

type Newest = { clinicId: string | null; id: string; startedAt: Date; verifiedAt: Date | null };

/**
 * Per active or suspended clinic, and for the central database: its newest finished backup, its
 * newest verified one (by a restore or a drill) and that backup's age. Flagged when there is no
 * verified backup, when it is older than backupMaxAgeHours, or when a drill failed since.
 */
export async function findBackupHealth(
  central: CentralDb,
  options: { now?: Date } = {},
): Promise<BackupHealth[]> {
  const now = options.now ?? new Date();
  const { backupMaxAgeHours } = await findBackupSettings(central);
  const clinics = await central.clinic.findMany({
    where: { status: { in: ["ACTIVE", "SUSPENDED"] }, schemaVersion: { not: null } },
    select: { id: true, subdomain: true, name: true },
    orderBy: { subdomain: "asc" },
  });
  const newest = await central.$queryRaw<Newest[]>`
    SELECT DISTINCT ON (clinic_id) clinic_id::text AS "clinicId", id::text AS "id", started_at AS "startedAt", verified_at AS "verifiedAt"
      FROM backups WHERE status = 'DONE' ORDER BY clinic_id, started_at DESC`;
  const verified = await central.$queryRaw<Newest[]>`
    SELECT DISTINCT ON (clinic_id) clinic_id::text AS "clinicId", id::text AS "id", started_at AS "startedAt", verified_at AS "verifiedAt"
      FROM backups WHERE status = 'DONE' AND verified_at IS NOT NULL ORDER BY clinic_id, started_at DESC`;
  const failedDrills = await central.job.findMany({
    where: {
      kind: "restore-drill",
      state: "FAILED",
      finishedAt: { gte: new Date(now.getTime() - 14 * 86_400_000) },
    },
    orderBy: { finishedAt: "desc" },
  });
  const byClinic = <T extends { clinicId: string | null }>(rows: T[], clinicId: string | null) =>
    rows.find((row) => row.clinicId === clinicId);

  const targets = [
    { clinicId: null, subdomain: null, name: "Central database" },
    ...clinics.map((clinic) => ({ clinicId: clinic.id, subdomain: clinic.subdomain, name: clinic.name })),
  ];
  return targets.map((target) => {
    const last = byClinic(newest, target.clinicId);
    const good = byClinic(verified, target.clinicId);
    const lastVerified = good?.verifiedAt
      ? { id: good.id, startedAt: good.startedAt, verifiedAt: good.verifiedAt }
      : null;
    const verifiedAgeHours = lastVerified
      ? (now.getTime() - lastVerified.startedAt.getTime()) / 3_600_000
      : null;
    const drill = failedDrills.find((job) => {
      const payload = drillPayloadSchema.safeParse(job.payload);
      return payload.success && payload.data.clinicId === target.clinicId;
    });
    const failedDrill =
      drill?.finishedAt && (!lastVerified || drill.finishedAt > lastVerified.verifiedAt)
        ? { at: drill.finishedAt, reason: drill.lastError ?? "The drill failed." }
        : null;
    const reason = failedDrill
      ? "Its last restore drill failed."
      : verifiedAgeHours === null
        ? "No backup of it has been verified yet."
        : verifiedAgeHours > backupMaxAgeHours
          ? `Its last verified backup is ${Math.floor(verifiedAgeHours)} hours old (limit ${backupMaxAgeHours}).`
          : null;
    return {
      ...target,
      lastBackup: last ? { id: last.id, startedAt: last.startedAt } : null,
      lastVerified,
      verifiedAgeHours,
      failedDrill,
      flagged: reason !== null,
      reason,
    };
  });
}
