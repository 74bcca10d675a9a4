import type { AppSession } from "../auth/session";
import type { CentralDb } from "../db/central";
import { AppError } from "../errors";
import { PITR_STEPS, pitrPayloadSchema } from "../pitr/pitr-job";
import { BACKUP_STEPS, RESTORE_STEPS } from "./backup-service";
import { findBackupClinic } from "./console-access";
import { RESTORE_INTO_STEPS } from "./restore-into-job";
import { restorePayloadSchema } from "./restore-job";

const BACKUP_KINDS = [
  "backup-clinic",
  "backup-central",
  "restore-clinic",
  "restore-into-clinic",
  "pitr-restore-clinic",
] as const;
type BackupJobKind = (typeof BACKUP_KINDS)[number];

/** What the console polls while a backup or a restore runs. */
export type BackupJobProgress = {
  id: string;
  kind: BackupJobKind;
  state: "QUEUED" | "RUNNING" | "SUCCEEDED" | "FAILED";
  step: string | null;
  steps: readonly string[];
  /** Why it failed (FAILED), or why the last attempt stopped while it is being retried. */
  error: string | null;
  /** A finished backup's size; a finished restore's suspension and the database kept aside. */
  backup: { id: string; sizeBytes: number | null } | null;
  restore: { suspendedMs: number; asideDatabase: string } | null;
  /** A restore into a new clinic: the clinic it makes. */
  copy: { id: string; name: string; subdomain: string } | null;
};

const STEPS_OF: Record<BackupJobKind, readonly string[]> = {
  "backup-clinic": BACKUP_STEPS,
  "backup-central": BACKUP_STEPS,
  "restore-clinic": RESTORE_STEPS,
  "restore-into-clinic": RESTORE_INTO_STEPS,
  "pitr-restore-clinic": PITR_STEPS,
};

/**
 * A backup or restore job's progress, for whoever may follow it: a super admin any; a clinic admin
 * only the backups of their own clinics, while the setting allows. Anything else is NOT_FOUND.
 */
export async function findBackupJobProgress(options: {
  central: CentralDb;
  session: AppSession;
  jobId: string;
}): Promise<BackupJobProgress> {
  const { central, session, jobId } = options;
  const job = await central.job.findUnique({ where: { id: jobId } });
  const notFound = new AppError("NOT_FOUND", "There is no such backup or restore.");
  if (!job || !(BACKUP_KINDS as readonly string[]).includes(job.kind)) throw notFound;
  if (session.user.role !== "SUPER_ADMIN") {
    if (job.kind !== "backup-clinic" || !job.clinicId) throw notFound;
    await findBackupClinic({ central, session, clinicId: job.clinicId }).catch(() => {
      throw notFound;
    });
  }
  const kind = job.kind as BackupJobKind;
  const backup = kind.startsWith("backup")
    ? await central.backup.findUnique({ where: { jobId: job.id } })
    : null;
  const copy =
    kind === "restore-into-clinic" && job.clinicId
      ? await central.clinic.findUnique({
          where: { id: job.clinicId },
          select: { id: true, name: true, subdomain: true },
        })
      : null;
  const restored =
    kind === "restore-clinic"
      ? restorePayloadSchema.safeParse(job.payload)
      : kind === "pitr-restore-clinic"
        ? pitrPayloadSchema.safeParse(job.payload)
        : null;
  return {
    id: job.id,
    kind,
    state: job.state,
    step: job.step,
    steps: STEPS_OF[kind],
    error: job.lastError,
    backup: backup
      ? { id: backup.id, sizeBytes: backup.sizeBytes === null ? null : Number(backup.sizeBytes) }
      : null,
    restore: restored?.success ? (restored.data.result ?? null) : null,
    copy,
  };
}
