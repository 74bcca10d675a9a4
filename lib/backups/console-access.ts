import { findManagedClinic } from "../admin/clinic-access";
import type { AppSession } from "../auth/session";
import type { CentralDb } from "../db/central";
import { AppError } from "../errors";
import type { Backup, Clinic, Prisma } from "../generated/central/client";

/** Whether the platform setting lets clinic admins back up their own clinics and download those backups. */
export async function clinicAdminsMayBackup(central: CentralDb): Promise<boolean> {
  const settings = await central.platformSetting.findUnique({ where: { id: 1 } });
  return settings?.clinicAdminsMayBackup ?? false;
}

/** Turns the setting on or off (the row is made on first use). */
export async function setClinicAdminsMayBackup(
  central: CentralDb | Prisma.TransactionClient,
  allowed: boolean,
  userId: string,
): Promise<void> {
  await central.platformSetting.upsert({
    where: { id: 1 },
    create: { id: 1, clinicAdminsMayBackup: allowed, updatedBy: userId },
    update: { clinicAdminsMayBackup: allowed, updatedBy: userId },
  });
}

type Who = { central: CentralDb; session: AppSession };

/**
 * The clinic whose backups `session` may see and take: any clinic for a super admin; for a clinic
 * admin, one they own or co-admin, and only while the platform setting allows it. Anything else is
 * NOT_FOUND (a clinic's existence is never confirmed to someone who does not run it).
 */
export async function findBackupClinic({
  central,
  session,
  clinicId,
}: Who & { clinicId: string }): Promise<Clinic> {
  if (session.user.role === "SUPER_ADMIN") {
    const clinic = await central.clinic.findFirst({ where: { id: clinicId, status: { not: "DELETED" } } });
    if (!clinic) throw new AppError("NOT_FOUND", "There is no such clinic.");
    return clinic;
  }
  await requireClinicAdminBackups(central);
  const { clinic } = await findManagedClinic({ central, userId: session.user.id, clinicId });
  return clinic;
}

/** A backup `session` may download: any for a super admin; a clinic admin's own clinic's, while allowed. */
export async function findDownloadableBackup({
  central,
  session,
  backupId,
}: Who & { backupId: string }): Promise<{ backup: Backup; clinic: Clinic | null }> {
  const backup = await central.backup.findUnique({ where: { id: backupId }, include: { clinic: true } });
  const notFound = new AppError("NOT_FOUND", "There is no such backup.");
  if (!backup) throw notFound;
  if (session.user.role !== "SUPER_ADMIN") {
    if (!backup.clinicId) throw notFound;
    await findBackupClinic({ central, session, clinicId: backup.clinicId }).catch((error: unknown) => {
      throw error instanceof AppError && error.code === "NOT_FOUND" ? notFound : error;
    });
  }
  if (backup.status !== "DONE" || !backup.filePath) {
    throw new AppError("CONFLICT", "That backup did not finish, so there is no file to download.");
  }
  const { clinic, ...row } = backup;
  return { backup: row, clinic };
}

async function requireClinicAdminBackups(central: CentralDb): Promise<void> {
  if (!(await clinicAdminsMayBackup(central))) {
    throw new AppError(
      "FORBIDDEN",
      "Backups of clinics are taken by the platform's super admins; ask one if you need a backup.",
    );
  }
}
