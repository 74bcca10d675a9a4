import { openBackupDownload } from "@/lib/backups/backup-download";
import { answerBackupRoute, idOrNotFound } from "@/lib/backups/backup-routes";

/** The encrypted backup file, as an attachment: super admins, and clinic admins their own clinics' while allowed; audited. */
export async function GET(request: Request, { params }: { params: Promise<{ id: string }> }) {
  return answerBackupRoute(["backups.manage", "backups.own"], async ({ session, central }) => {
    const backupId = idOrNotFound((await params).id, "backup");
    const download = await openBackupDownload({ central, session, backupId, request });
    return new Response(download.stream, {
      headers: {
        "Content-Type": "application/octet-stream",
        "Content-Length": String(download.sizeBytes),
        "Content-Disposition": `attachment; filename="${download.fileName}"`,
        "Cache-Control": "private, no-store",
        "X-Content-Type-Options": "nosniff",
      },
    });
  });
}
