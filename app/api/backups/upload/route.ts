import { actorOf } from "@/lib/auth/actor";
import { clientOf } from "@/lib/auth/request-context";
import { answerBackupRoute, idOrNotFound } from "@/lib/backups/backup-routes";
import { uploadClinicBackup } from "@/lib/backups/upload-backup";
import { AppError } from "@/lib/errors";

/**
 * Super admins: the raw bytes of a backup file for the clinic `?clinicId=`, checked in full before it
 * joins the clinic's list (lib/backups/upload-backup.ts). Answers the new backup, or the refusal.
 */
export async function POST(request: Request) {
  return answerBackupRoute(["backups.manage"], async ({ session, central }) => {
    const clinicId = idOrNotFound(new URL(request.url).searchParams.get("clinicId") ?? "", "clinic");
    const clinic = await central.clinic.findFirst({
      where: { id: clinicId, status: { not: "DELETED" } },
      include: { databaseServer: true },
    });
    if (!clinic) throw new AppError("NOT_FOUND", "There is no such clinic.");
    if (!request.body) throw new AppError("INVALID", "The file is empty: choose a backup file.");
    const length = Number(request.headers.get("content-length"));
    const backup = await uploadClinicBackup({
      central,
      actor: actorOf(session, clientOf(request.headers)),
      clinic,
      body: request.body as unknown as AsyncIterable<Uint8Array>,
      declaredBytes: Number.isFinite(length) && length > 0 ? length : undefined,
    });
    return Response.json({ backup }, { status: 201, headers: { "Cache-Control": "no-store" } });
  });
}
