import { answerBackupRoute, idOrNotFound } from "@/lib/backups/backup-routes";
import { findBackupJobProgress } from "@/lib/backups/job-progress";

const NO_STORE = { "Cache-Control": "no-store" };

/** A backup's or restore's progress, polled by the consoles while it runs (a read: not audited). */
export async function GET(_request: Request, { params }: { params: Promise<{ id: string }> }) {
  return answerBackupRoute(["backups.manage", "backups.own"], async ({ session, central }) => {
    const jobId = idOrNotFound((await params).id, "backup or restore");
    const progress = await findBackupJobProgress({ central, session, jobId });
    return Response.json(progress, { headers: NO_STORE });
  });
}
