import { copyFile, mkdir, open, rename, unlink } from "node:fs/promises";
import path from "node:path";
import { AppError } from "../errors";
import { sha256OfFile } from "./backup-file";

/** Where backups of the central database go, beside one folder per clinic (no subdomain starts with _). */
export const CENTRAL_FOLDER = "_central";

export type BackupDirs = { dir: string; copyDir?: string };

/** BACKUP_DIR (default .data/backups) and the optional copy target BACKUP_COPY_DIR. */
export function backupDirs(env: NodeJS.ProcessEnv = process.env): BackupDirs {
  return {
    dir: path.resolve(/*turbopackIgnore: true*/ env.BACKUP_DIR || path.join(".data", "backups")),
    copyDir: env.BACKUP_COPY_DIR ? path.resolve(env.BACKUP_COPY_DIR) : undefined,
  };
}

/** `<folder>/<UTC timestamp>-<backup id>.backup`, relative to BACKUP_DIR (what the row keeps). */
export function backupFilePath(folder: string, backupId: string, at: Date): string {
  const stamp = at
    .toISOString()
    .replace(/[-:]/g, "")
    .replace(/\.\d+Z$/, "Z");
  return path.join(folder, `${stamp}-${backupId}.backup`);
}

/** A central backup's manifest file, beside it: `<time>-<id>.manifest` (read by central:restore). */
/**
 * A job's own folder for a decrypted (plaintext) dump under BACKUP_DIR/.restore: restores and
 * drills remove it whole when they start, end, are retried or give up, so a killed attempt's
 * half-written dump never stays on disk nor blocks the retry.
 */
export function jobWorkDir(backupDir: string, jobId: string): string {
  return path.join(backupDir, ".restore", jobId);
}

export function manifestFilePath(backupFile: string): string {
  return backupFile.replace(/\.backup$/, ".manifest");
}

/** The absolute path of a row's file, refusing one that would leave BACKUP_DIR. */
export function resolveBackupFile(root: string, relative: string): string {
  const file = path.resolve(root, relative);
  if (!file.startsWith(`${root}${path.sep}`))
    throw new AppError("INVALID", "The backup's file path is not under BACKUP_DIR.");
  return file;
}

export async function ensureFolder(root: string, folder: string): Promise<void> {
  await mkdir(path.join(root, folder), { recursive: true, mode: 0o700 });
}

/**
 * Copies a finished backup to the copy target and reads the copy back: it counts only when its
 * SHA-256 is the original's. Written under a temporary name, flushed, then renamed.
 */
export async function copyBackup(dirs: BackupDirs, relative: string, sha256: string): Promise<void> {
  if (!dirs.copyDir) return;
  const target = resolveBackupFile(dirs.copyDir, relative);
  await mkdir(path.dirname(target), { recursive: true, mode: 0o700 });
  const draft = `${target}.partial`;
  try {
    await copyFile(resolveBackupFile(dirs.dir, relative), draft);
    const handle = await open(draft, "r");
    await handle.sync().finally(() => handle.close());
    if ((await sha256OfFile(draft)) !== sha256) {
      throw new AppError("UNAVAILABLE", "its SHA-256 there differs from the original's");
    }
    await rename(draft, target);
  } catch (error) {
    await unlink(draft).catch(() => {});
    throw error;
  }
}

/** Removes a backup's file (and a half-written one), wherever it got to. */
export async function removeBackupFiles(dirs: BackupDirs, relative: string): Promise<void> {
  for (const root of [dirs.dir, dirs.copyDir]) {
    if (!root) continue;
    const file = resolveBackupFile(root, relative);
    await unlink(file).catch(() => {});
    await unlink(`${file}.partial`).catch(() => {});
    if (file.endsWith(".backup")) await unlink(manifestFilePath(file)).catch(() => {});
  }
}

/** The reason a backup failed, for its row and the console. */
export function describeBackupFailure(error: unknown): string {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  if (code === "ENOSPC")
    return "The backup disk is full: this backup was not kept; earlier backups are untouched.";
  if (code === "EDQUOT")
    return "The backup disk's quota is used up: this backup was not kept; earlier backups are untouched.";
  if (code === "EACCES" || code === "EROFS" || code === "EIO")
    return `The backup disk cannot be written (${code}).`;
  if (error instanceof AppError) return error.message;
  const message = error instanceof Error ? error.message : String(error);
  return message.split("\n")[0] ?? "unknown error";
}

const DISK_ERRORS = new Set(["ENOSPC", "EDQUOT", "EACCES", "EROFS", "EIO"]);

/** A disk error becomes a refusal with its reason (not retried: it fails the same way until fixed). */
export function asBackupError(error: unknown): unknown {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  return code && DISK_ERRORS.has(code) ? new AppError("UNAVAILABLE", describeBackupFailure(error)) : error;
}
