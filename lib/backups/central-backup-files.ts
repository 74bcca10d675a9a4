import { readdir, stat } from "node:fs/promises";
import path from "node:path";
import { AppError } from "../errors";
import { CENTRAL_FOLDER } from "./backup-store";

/** `<UTC yyyymmddThhmmssZ>-<backup id>.backup`, as backupFilePath names them. */
const FILE_NAME = /^(\d{8}T\d{6}Z)-([0-9a-f-]{36})\.backup$/;

export type CentralBackupFile = {
  /** Absolute path of the encrypted backup. */
  file: string;
  backupId: string;
  takenAt: Date;
  sizeBytes: number;
};

/**
 * The central database's backups in BACKUP_DIR/_central, newest first, found from the files alone:
 * a lost central database cannot say which backups it had.
 */
export async function listCentralBackupFiles(backupDir: string): Promise<CentralBackupFile[]> {
  const folder = path.join(backupDir, CENTRAL_FOLDER);
  const names = await readdir(folder).catch((error: NodeJS.ErrnoException) => {
    if (error.code === "ENOENT") return [];
    throw error;
  });
  const found: CentralBackupFile[] = [];
  for (const name of names) {
    const entry = FILE_NAME.test(name) ? await describeFile(path.join(folder, name)) : null;
    if (entry) found.push(entry);
  }
  return found.sort((a, b) => b.takenAt.getTime() - a.takenAt.getTime() || b.file.localeCompare(a.file));
}

/**
 * The backup to restore: `wanted` as a file path (absolute or from the working directory), or a
 * backup id (or the start of one) among the listed files; the newest without it.
 */
export async function pickCentralBackupFile(
  backupDir: string,
  wanted: string | undefined,
): Promise<CentralBackupFile> {
  const files = await listCentralBackupFiles(backupDir);
  if (wanted?.endsWith(".backup")) return describeFile(path.resolve(wanted));
  const matches = wanted ? files.filter((entry) => entry.backupId.startsWith(wanted.toLowerCase())) : files;
  const where = path.join(backupDir, CENTRAL_FOLDER);
  if (matches.length === 0) {
    throw new AppError(
      "NOT_FOUND",
      wanted
        ? `No central backup ${wanted} in ${where}: check BACKUP_DIR, or pass the file's path.`
        : `No central backup in ${where}: check BACKUP_DIR (or copy the files from BACKUP_COPY_DIR there).`,
    );
  }
  if (wanted && matches.length > 1) {
    throw new AppError(
      "INVALID",
      `${matches.length} central backups start with ${wanted}: give more of the id.`,
    );
  }
  return matches[0] as CentralBackupFile;
}

async function describeFile(file: string): Promise<CentralBackupFile> {
  const match = FILE_NAME.exec(path.basename(file));
  const info = await stat(file).catch(() => null);
  if (!info) throw new AppError("NOT_FOUND", `There is no file ${file}.`);
  if (!match?.[1] || !match[2]) {
    throw new AppError("INVALID", `${path.basename(file)} is not named as a backup (<time>-<id>.backup).`);
  }
  const stamp = match[1].replace(/^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/, "$1-$2-$3T$4:$5:$6Z");
  return { file, backupId: match[2], takenAt: new Date(stamp), sizeBytes: info.size };
}
