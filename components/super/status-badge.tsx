import { Badge } from "@/components/ui/badge";
import { formatStatus } from "./format";

type Tone = "neutral" | "brand" | "success" | "warning" | "danger";

const TONES: Record<string, Tone> = {
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

/** Any status of the platform's enums, in one colour code: green working, amber held, red broken. */
export function StatusBadge({ status }: { status: string }) {
  return <Badge tone={TONES[status] ?? "neutral"}>{formatStatus(status)}</Badge>;
}
