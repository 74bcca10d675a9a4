import { Badge } from "@/components/ui/badge";
import type { AppointmentStatus } from "@/lib/generated/tenant/enums";

export const STATUS_LABEL: Record<AppointmentStatus, string> = {
  BOOKED: "Booked",
  CHECKED_IN: "Checked in",
  IN_PROGRESS: "In progress",
  COMPLETED: "Completed",
  CANCELLED: "Cancelled",
  NO_SHOW: "No-show",
};

const STATUS_TONE = {
  BOOKED: "brand",
  CHECKED_IN: "warning",
  IN_PROGRESS: "warning",
  COMPLETED: "success",
  CANCELLED: "neutral",
  NO_SHOW: "danger",
} as const satisfies Record<AppointmentStatus, string>;

/** Cancelled and no-show appointments no longer hold their time. */
export function isClosedStatus(status: AppointmentStatus): boolean {
  return status === "CANCELLED" || status === "NO_SHOW";
}

export function AppointmentStatusBadge({ status }: { status: AppointmentStatus }) {
  return <Badge tone={STATUS_TONE[status]}>{STATUS_LABEL[status]}</Badge>;
}
