import { randomUUID } from "node:crypto";
import { mkdir, open, unlink } from "node:fs/promises";
import path from "node:path";
import { AppError } from "../errors";

/**
 * Next's middleware buffers a request body up to 10 MB and passes on only that much, and raising
 * its limit would let anyone make every process buffer that much per request: through the browser,
 * an upload is at most 10 MB. BACKUP_UPLOAD_MAX_MB may lower it.
 */
const MIDDLEWARE_BODY_LIMIT_MB = 10;

/** BACKUP_UPLOAD_MAX_MB (default and most: 10): the largest backup file an upload accepts. */
export function uploadMaxBytes(env: NodeJS.ProcessEnv = process.env): number {
  const megabytes = Number(env.BACKUP_UPLOAD_MAX_MB ?? MIDDLEWARE_BODY_LIMIT_MB);
  const allowed = Number.isFinite(megabytes) && megabytes > 0 ? megabytes : MIDDLEWARE_BODY_LIMIT_MB;
  return Math.min(allowed, MIDDLEWARE_BODY_LIMIT_MB) * 1024 * 1024;
}

export function tooLarge(maxBytes: number): AppError {
  return new AppError(
    "INVALID",
    `The file is larger than ${Math.round(maxBytes / 1024 / 1024)} MB, the most an upload through the browser accepts.`,
  );
}

/** Where uploads are received and checked before they join BACKUP_DIR's folders. */
export function uploadFolder(backupDir: string): string {
  return path.join(backupDir, ".upload");
}

/**
 * Streams an upload's bytes to a new file under `<BACKUP_DIR>/.upload`, refusing at once past
 * `maxBytes` (nothing is kept of a refused upload). Resolves with the file and its size.
 */
export async function receiveUploadFile(options: {
  backupDir: string;
  body: AsyncIterable<Uint8Array>;
  maxBytes: number;
}): Promise<{ file: string; sizeBytes: number }> {
  const folder = uploadFolder(options.backupDir);
  await mkdir(folder, { recursive: true, mode: 0o700 });
  const file = path.join(folder, `${randomUUID()}.backup`);
  const handle = await open(file, "wx", 0o600);
  let sizeBytes = 0;
  try {
    for await (const piece of options.body) {
      sizeBytes += piece.byteLength;
      if (sizeBytes > options.maxBytes) throw tooLarge(options.maxBytes);
      await handle.write(piece);
    }
    if (sizeBytes === 0) throw new AppError("INVALID", "The file is empty: choose a backup file.");
    await handle.sync();
    await handle.close();
    return { file, sizeBytes };
  } catch (error) {
    await handle.close().catch(() => {});
    await unlink(file).catch(() => {});
    throw error;
  }
}
