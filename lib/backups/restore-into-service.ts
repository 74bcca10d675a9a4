import { access } from "node:fs/promises";
import type { CentralDb } from "../db/central";
import { AppError } from "../errors";
import type { Backup, Clinic, Job } from "../generated/central/client";
import { enqueueJob } from "../jobs/queue";
import type { ClinicAudit } from "../tenancy/clinic-audit";
import { claimClinicRow, subdomainReservationDays } from "../tenancy/clinic-claim";
import { parseProvisionClinicInput } from "../tenancy/provision-input";
import { copyName } from "../validations/restore-into-clinic";
import { backupDirs, resolveBackupFile } from "./backup-store";
import { findBackupToRestore } from "./restore-choice";

export type RestoreIntoRequest = {
  /** The source clinic's backup; its newest verified one when absent. */
  backupId?: string;
  /** The new clinic's subdomain, validated as clinic creation validates it. */
  into: string;
  /** The new clinic's name; "<source name> (copy)" when absent. */
  name?: string;
  requestedBy?: string;
  audit?: ClinicAudit;
};

/**
 * The first part of a restore into a new clinic: the backup is chosen and its file found, then the
 * new clinic's row is claimed (owned by the source's owner) with its "restore-into-clinic" job and
 * audit row in one transaction, exactly as provisioning claims one. A bad, reserved or taken
 * subdomain is refused here, before anything exists; the job itself makes the role and database.
 */
export async function startRestoreIntoClinic(
  central: CentralDb,
  source: Clinic,
  request: RestoreIntoRequest,
  env: NodeJS.ProcessEnv = process.env,
): Promise<{ clinic: Clinic; job: Job; backup: Backup }> {
  const backup = await findBackupToRestore(central, source, request.backupId);
  const file = resolveBackupFile(backupDirs(env).dir, backup.filePath ?? "");
  await access(file).catch(() => {
    throw new AppError("NOT_FOUND", "The backup's file is missing from BACKUP_DIR; choose another backup.");
  });
  const owner = await central.user.findUnique({ where: { id: source.ownerId } });
  if (owner?.role !== "CLINIC_ADMIN" || owner.status !== "ACTIVE") {
    throw new AppError(
      "CONFLICT",
      `${source.subdomain}'s owner is not an active clinic admin, and the copy would belong to them. Give ${source.subdomain} an active owner first.`,
    );
  }
  const parsed = parseProvisionClinicInput({
    name: request.name?.trim() || copyName(source.name),
    subdomain: request.into,
    ownerId: owner.id,
  });
  const { clinic, job } = await claimClinicRow(central, parsed, {
    env,
    reservationDays: subdomainReservationDays(env),
    audit: request.audit && {
      ...request.audit,
      details: { ...request.audit.details, source: source.subdomain, backup: backup.id },
    },
    enqueue: (tx, claimed) =>
      enqueueJob(tx, {
        kind: "restore-into-clinic",
        clinicId: claimed.id,
        payload: { backupId: backup.id, sourceClinicId: source.id },
        requestedBy: request.requestedBy ?? request.audit?.actor.id,
        maxAttempts: 3,
      }),
  });
  if (job.kind !== "restore-into-clinic") {
    throw new AppError(
      "CONFLICT",
      `The subdomain “${clinic.subdomain}” is being set up as a clinic right now.`,
      {
        subdomain: "This subdomain is being set up right now.",
      },
    );
  }
  return { clinic, job, backup };
}
