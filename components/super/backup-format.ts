import type { BackupRow } from "@/lib/backups/console-queries";

/** "3 h ago", "2 days ago": computed on the server (passed down as text, so no hydration mismatch). */
export function describeAge(iso: string | null, now: Date): string | null {
  if (!iso) return null;
  const hours = (now.getTime() - new Date(iso).getTime()) / 3_600_000;
  if (hours < 1) return "under an hour ago";
  if (hours < 48) return `${Math.floor(hours)} h ago`;
  return `${Math.floor(hours / 24)} days ago`;
}

const KIND_LABELS: Record<BackupRow["kind"], string> = {
  MANUAL: "By hand",
  SCHEDULED: "Scheduled",
  BEFORE_DELETE: "Before deletion",
  BEFORE_ROLLOUT: "Before a rollout",
};

export function describeKind(backup: Pick<BackupRow, "kind" | "uploaded">): string {
  return backup.uploaded ? "Uploaded" : KIND_LABELS[backup.kind];
}
