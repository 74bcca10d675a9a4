import { randomBytes } from "node:crypto";
import { existsSync } from "node:fs";
import { readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { Readable } from "node:stream";
import { z } from "zod";
import { BackupFileError, decryptBackupFile, writeBackupFile } from "./backup-file";
import type { BackupKey, BackupKeys } from "./backup-keys";
import { manifestFilePath, resolveBackupFile } from "./backup-store";
import { manifestSchema } from "./manifest";

/**
 * What a central backup's `.manifest` file holds: enough to check and verify a restore while the
 * central database (and its `backups` row) is lost. It is sealed like a backup (AES-256-GCM with
 * BACKUP_KEY), so it cannot be altered unnoticed, and names the SHA-256 of its backup file.
 */
export const centralManifestFileSchema = z.object({
  backupId: z.uuid(),
  takenAt: z.iso.datetime(),
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
  sizeBytes: z.number().int().nonnegative(),
  manifest: manifestSchema,
});
export type CentralManifestFile = z.infer<typeof centralManifestFileSchema>;

/** Writes `<backup>.manifest` beside the backup at `relative` (under `root`); returns it and its SHA-256. */
export async function writeCentralManifestFile(
  root: string,
  relative: string,
  content: CentralManifestFile,
  key: BackupKey,
): Promise<{ relative: string; sha256: string }> {
  const manifestRelative = manifestFilePath(relative);
  const json = JSON.stringify(centralManifestFileSchema.parse(content));
  const sealed = await writeBackupFile(
    Readable.from([Buffer.from(json, "utf8")]),
    resolveBackupFile(root, manifestRelative),
    key,
  );
  return { relative: manifestRelative, sha256: sealed.sha256 };
}

/** Reads and authenticates a central backup's `.manifest` file (absolute path of the backup file). */
export async function readCentralManifestFile(
  backupFile: string,
  keys: BackupKeys,
): Promise<CentralManifestFile> {
  const plain = path.join(tmpdir(), `central-manifest-${randomBytes(6).toString("hex")}.json`);
  if (!existsSync(manifestFilePath(backupFile))) {
    throw new BackupFileError(
      "This central backup has no .manifest file beside it (it was taken before central backups wrote one, or the file was lost): pass --unverified to restore it without checking its rows.",
    );
  }
  try {
    await decryptBackupFile(manifestFilePath(backupFile), plain, keys);
    const parsed = centralManifestFileSchema.safeParse(JSON.parse(await readFile(plain, "utf8")));
    if (!parsed.success)
      throw new BackupFileError("The backup's .manifest file is not one this platform wrote.");
    return parsed.data;
  } finally {
    await rm(plain, { force: true });
  }
}
