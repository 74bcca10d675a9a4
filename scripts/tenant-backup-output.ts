import type { Backup } from "../lib/generated/central/client";
import { formatDuration } from "./lib/progress";

/** A backup row as the CLIs print it with --json (sizes as numbers, no manifest). */
export function backupJson(backup: Backup) {
  return {
    id: backup.id,
    kind: backup.kind,
    status: backup.status,
    startedAt: backup.startedAt.toISOString(),
    finishedAt: backup.finishedAt?.toISOString() ?? null,
    sizeBytes: backup.sizeBytes === null ? null : Number(backup.sizeBytes),
    sha256: backup.sha256,
    schemaVersion: backup.schemaVersion,
    keyId: backup.keyId,
    filePath: backup.filePath,
    copiedAt: backup.copiedAt?.toISOString() ?? null,
    verifiedAt: backup.verifiedAt?.toISOString() ?? null,
    error: backup.error,
  };
}

/** One line: what was written, how big, how long. */
export function describeBackup(label: string, backup: Backup): string {
  const took = backup.finishedAt
    ? ` in ${formatDuration(backup.finishedAt.getTime() - backup.startedAt.getTime())}`
    : "";
  const copied = backup.copiedAt ? ", copied and checked" : "";
  const warning = backup.error ? ` (warning: ${backup.error})` : "";
  return `${label}: backup ${backup.id} ${formatSize(backup.sizeBytes)}${took}${copied} -> ${backup.filePath}${warning}`;
}

export function formatSize(bytes: bigint | null): string {
  if (bytes === null) return "-";
  const value = Number(bytes);
  if (value < 1024) return `${value} B`;
  if (value < 1024 ** 2) return `${(value / 1024).toFixed(1)} KiB`;
  if (value < 1024 ** 3) return `${(value / 1024 ** 2).toFixed(1)} MiB`;
  return `${(value / 1024 ** 3).toFixed(2)} GiB`;
}

/** Progress lines for a job's steps on stderr (stdout stays clean for --json). */
export function stepPrinter(label: string, quiet: boolean): ((step: string) => void) | undefined {
  return quiet ? undefined : (step) => console.error(`${label}: ${step}…`);
}
