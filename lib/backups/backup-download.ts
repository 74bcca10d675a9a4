import { createReadStream } from "node:fs";
import { stat } from "node:fs/promises";
import { Readable } from "node:stream";
import { actorOf } from "../auth/actor";
import { clientOf } from "../auth/request-context";
import type { AppSession } from "../auth/session";
import type { CentralDb } from "../db/central";
import { recordCentralAudit } from "../db/central-audit";
import { AppError } from "../errors";
import { backupDirs, resolveBackupFile } from "./backup-store";
import { findDownloadableBackup } from "./console-access";

/**
 * A backup's encrypted file for download, once the session may have it and the file is there; the
 * download is audited centrally before a byte is sent. The file stays encrypted: reading it takes
 * BACKUP_KEY, which never leaves the server.
 */
export async function openBackupDownload(options: {
  central: CentralDb;
  session: AppSession;
  backupId: string;
  request: Request;
}): Promise<{ stream: ReadableStream<Uint8Array>; sizeBytes: number; fileName: string }> {
  const { central, session, backupId } = options;
  const { backup, clinic } = await findDownloadableBackup({ central, session, backupId });
  const file = resolveBackupFile(backupDirs().dir, backup.filePath ?? "");
  const found = await stat(file).catch(() => null);
  if (!found?.isFile()) {
    throw new AppError(
      "NOT_FOUND",
      "The backup's file is missing from BACKUP_DIR (removed by retention or by hand).",
    );
  }
  const stamp = backup.startedAt.toISOString().replace(/[-:]/g, "").slice(0, 15);
  const fileName = `${clinic?.subdomain ?? "central"}-${stamp}Z.backup`;
  await recordCentralAudit(central, {
    actor: actorOf(session, clientOf(options.request.headers)),
    action: "backup.download",
    target: clinic ? { type: "clinic", id: clinic.id } : { type: "job", id: backup.jobId ?? backup.id },
    details: { backup: backup.id, ...(clinic ? { subdomain: clinic.subdomain } : { database: "central" }) },
  });
  const stream = Readable.toWeb(createReadStream(file)) as ReadableStream<Uint8Array>;
  return { stream, sizeBytes: found.size, fileName };
}
