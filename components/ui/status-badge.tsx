import { Badge, type BadgeTone } from "./badge";

const TONES: Record<string, BadgeTone> = {
  ACTIVE: "success",
  SUCCEEDED: "success",
  RUNNING: "brand",
  PROVISIONING: "brand",
  PENDING: "brand",
  SUSPENDED: "warning",
  DRAINING: "warning",
  DISABLED: "warning",
  SKIPPED: "neutral",
  DELETING: "neutral",
  DELETED: "neutral",
  FAILED: "danger",
  OFFLINE: "danger",
};

/** "ACTIVE" → "Active". */
export function formatStatus(status: string): string {
  return status.charAt(0) + status.slice(1).toLowerCase();
}

/**
 * Any status of the platform's enums, in one colour code: green working, amber held, red broken.
 * `label` replaces the enum's own word where a page says it differently ("Setting up").
 */
export function StatusBadge({ status, label }: { status: string; label?: string }) {
  return <Badge tone={TONES[status] ?? "neutral"}>{label ?? formatStatus(status)}</Badge>;
}
