import { isStaffRole, STAFF_ROLE_LABELS } from "@/lib/validations/staff";

const SETTINGS_FIELDS: Record<string, string> = {
  name: "name",
  timezone: "time zone",
  currency: "currency",
  contactEmail: "contact email",
  contactPhone: "contact phone",
};

const roleLabel = (value: unknown) => (isStaffRole(value) ? STAFF_ROLE_LABELS[value] : String(value));

/** An audit event's details as one readable line; keys it does not know are shown as "key: value". */
export function describeAuditDetails(details: unknown): string {
  if (!details || typeof details !== "object" || Array.isArray(details)) return "";
  const fields = details as Record<string, unknown>;
  const { email, role, from, to, sessionsEnded, changed, fromRole, fromStatus, ...rest } = fields;
  const parts: string[] = [];
  if (typeof email === "string") parts.push(email);
  if (from !== undefined && to !== undefined) parts.push(`${roleLabel(from)} → ${roleLabel(to)}`);
  if (role !== undefined) parts.push(roleLabel(role));
  // An owner's account put back by Open clinic: what it had been made meanwhile.
  if (fromRole !== undefined && typeof fromStatus === "string")
    parts.push(`was ${roleLabel(fromRole)}, ${fromStatus.toLowerCase()}`);
  if (typeof sessionsEnded === "number")
    parts.push(`${sessionsEnded} open session${sessionsEnded === 1 ? "" : "s"} ended`);
  if (typeof changed === "string")
    parts.push(
      `changed ${changed
        .split(", ")
        .map((field) => SETTINGS_FIELDS[field] ?? field)
        .join(", ")}`,
    );
  for (const [key, value] of Object.entries(rest)) parts.push(`${key}: ${String(value)}`);
  return parts.join(" · ");
}
