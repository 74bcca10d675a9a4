import type { CentralDb } from "../db/central";
import { AppError } from "../errors";
import type { Backup, Clinic } from "../generated/central/client";

/**
 * The backup a restore uses: `backupId` when given (this clinic's, finished), else the clinic's
 * newest VERIFIED one (a drill or an earlier restore proved it restores), never merely the newest.
 */
export async function findBackupToRestore(
  central: CentralDb,
  clinic: Pick<Clinic, "id" | "subdomain">,
  backupId?: string,
): Promise<Backup> {
  if (!backupId) {
    const verified = await central.backup.findFirst({
      where: { clinicId: clinic.id, status: "DONE", verifiedAt: { not: null } },
      orderBy: { startedAt: "desc" },
    });
    if (verified) return verified;
    throw new AppError(
      "NOT_FOUND",
      `${clinic.subdomain} has no verified backup yet. A backup is verified by a restore drill (the job worker runs them daily) or by a restore; choose one explicitly with --backup <id> (npm run tenant:backups -- ${clinic.subdomain} lists them).`,
    );
  }
  const backup = await central.backup.findUnique({ where: { id: backupId } });
  if (!backup || backup.clinicId !== clinic.id)
    throw new AppError("NOT_FOUND", "No such backup of this clinic.");
  if (backup.status !== "DONE" || !backup.filePath) {
    throw new AppError("CONFLICT", "That backup did not finish; choose a finished one.");
  }
  return backup;
}
