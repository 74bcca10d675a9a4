import type { AuditEventRow, AuditNames } from "@/lib/clinic/audit";
import { formatClinicDay } from "@/lib/clinic/time";
import { isStaffRole, STAFF_ROLE_LABELS } from "@/lib/validations/staff";
import { AREA_SENTENCES } from "./audit-sentences/areas";
import { clinicTimeFormat } from "./clinic-time";

const SETTINGS_FIELDS: Record<string, string> = {
  name: "name",
  timezone: "time zone",
  currency: "currency",
  contactEmail: "contact email",
  contactPhone: "contact phone",
  unitSystem: "units for vitals",
  maxUploadMb: "largest document upload",
  country: "prescription rules",
  paperSize: "paper size",
};

const PATIENT_FIELDS: Record<string, string> = {
  firstName: "first name",
  lastName: "last name",
  dateOfBirth: "date of birth",
  sex: "sex",
  phone: "phone number",
  email: "email",
  address: "address",
  emergencyContact: "emergency contact",
  notes: "notes",
};

const roleLabel = (value: unknown) => (isStaffRole(value) ? STAFF_ROLE_LABELS[value] : String(value));

/** "a", "a and b", "a, b and c". */
function listOf(items: string[]): string {
  return items.length < 2 ? (items[0] ?? "") : `${items.slice(0, -1).join(", ")} and ${items.at(-1)}`;
}

const possessive = (name: string) => `${name}'s`;
const plural = (count: number, one: string, many = `${one}s`) => `${count} ${count === 1 ? one : many}`;

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
  if (typeof sessionsEnded === "number") parts.push(`${plural(sessionsEnded, "open session")} ended`);
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

export type AuditEventToDescribe = Pick<
  AuditEventRow,
  "action" | "actorId" | "actorEmail" | "targetType" | "targetId" | "details"
>;

/** What a sentence needs to know about one event: its names resolved, its times on the clinic's clock. */
function contextOf(
  event: AuditEventToDescribe,
  names: AuditNames,
  timeZone: string,
  clock: { hour12: boolean },
) {
  const format = clinicTimeFormat(timeZone, clock);
  const details: Record<string, unknown> =
    event.details && typeof event.details === "object" && !Array.isArray(event.details) ? event.details : {};
  const text = (key: string) => (typeof details[key] === "string" ? (details[key] as string) : undefined);
  const count = (key: string) => (typeof details[key] === "number" ? (details[key] as number) : 0);
  const staffName = (id: unknown, fallback: string) =>
    (typeof id === "string" && names.staff.get(id)) || fallback;
  const appointment = event.targetId ? names.appointments.get(event.targetId) : undefined;
  const patientId =
    text("patientId") ?? appointment?.patientId ?? (event.targetType === "patient" ? event.targetId : null);
  const targetStaffId = event.targetType === "staff" ? event.targetId : null;
  const account = event.actorId && names.staff.get(event.actorId);
  const moment = (value: Date | string | undefined) => {
    const instant = value === undefined ? undefined : new Date(value);
    if (!instant || Number.isNaN(instant.getTime())) return "an unknown time";
    return format.dayTime(instant);
  };
  return {
    details,
    text,
    count,
    moment,
    who: account || event.actorEmail || "Someone",
    /** The account a sign-in was for: its name and the email typed, or the email alone. */
    account:
      account && event.actorEmail
        ? `${account} (${event.actorEmail})`
        : account || event.actorEmail || "an unknown account",
    staff: staffName(targetStaffId, text("email") ?? "a staff member"),
    doctor: staffName(text("doctorId") ?? appointment?.doctorId ?? targetStaffId, "a doctor"),
    patient: (patientId && names.patients.get(patientId)) || "a patient",
    appointmentAt: appointment ? moment(appointment.startsAt) : undefined,
    /** A calendar day stored as YYYY-MM-DD: the same day wherever the clinic is. */
    day: (date: string | undefined) =>
      date && /^\d{4}-\d{2}-\d{2}$/.test(date)
        ? formatClinicDay(new Date(`${date}T12:00:00Z`), "UTC")
        : "an unknown day",
  };
}

type Context = ReturnType<typeof contextOf>;
export type AuditContext = Context;

function statusSentence(c: Context): string {
  const at = c.appointmentAt ? ` for ${c.appointmentAt}` : "";
  const visit = `${possessive(c.patient)} visit with ${c.doctor}${c.appointmentAt ? `, booked for ${c.appointmentAt}` : ""}`;
  const to = c.text("to");
  switch (to) {
    case "CHECKED_IN":
      return `${c.who} checked in ${c.patient} for the appointment with ${c.doctor}${at}`;
    case "IN_PROGRESS":
      return `${c.who} started ${visit}`;
    case "COMPLETED":
      return `${c.who} completed ${visit}`;
    case "CANCELLED":
      return `${c.who} cancelled ${possessive(c.patient)} appointment with ${c.doctor}${at}`;
    case "NO_SHOW":
      return `${c.who} marked ${c.patient} as not having come to the appointment with ${c.doctor}${at}`;
    case "BOOKED": {
      const undone = { CHECKED_IN: "check-in", NO_SHOW: "no-show" }[c.text("from") ?? ""];
      if (undone)
        return `${c.who} undid the ${undone} of ${possessive(c.patient)} appointment with ${c.doctor}${at}`;
      return `${c.who} changed ${possessive(c.patient)} appointment with ${c.doctor}${at} back to booked`;
    }
    default:
      return `${c.who} changed ${possessive(c.patient)} appointment with ${c.doctor}${at} to ${(to ?? "another status").toLowerCase().replaceAll("_", " ")}`;
  }
}

const signInRefused = (reason: string) => (c: Context) => `A sign-in as ${c.account} was refused: ${reason}`;
const locationSentence = (verb: string) => (c: Context) =>
  `${c.who} ${verb} the location ${c.text("name") ?? "without a name"}`;
const outsideHours = (c: Context) => (c.details.outsideHours ? ", outside the doctor's working hours" : "");
const sessionsEnded = (c: Context, joiner: string) =>
  c.count("sessionsEnded") ? `${joiner}${plural(c.count("sessionsEnded"), "open session")}` : "";

/** The parts of a chart a `chart.read` event names (lib/clinical/chart-read.ts). */
const CHART_PARTS: Record<string, string> = {
  timeline: "timeline",
  visits: "visit list",
  visit: "visit",
  note: "note",
  vitals: "vitals",
  "allergies-problems": "allergies and problems",
  medications: "medication list",
  immunizations: "immunizations",
  "immunization-record": "printable immunization record",
  documents: "documents",
  document: "document",
  prescription: "prescription",
  print: "printable documents",
};

const SENTENCES: Record<string, (c: Context) => string> = {
  ...AREA_SENTENCES,
  "chart.read": (c) =>
    `${c.who} opened ${possessive(c.patient)} ${CHART_PARTS[c.text("what") ?? ""] ?? "clinical record"}`,
  "appointment.booked": (c) =>
    `${c.who} booked ${c.patient} with ${c.doctor} for ${c.moment(c.text("startsAt"))}${outsideHours(c)}`,
  "appointment.rescheduled": (c) =>
    `${c.who} moved ${possessive(c.patient)} appointment with ${c.doctor} from ${c.moment(c.text("from"))} to ${c.moment(c.text("to"))}${outsideHours(c)}`,
  "appointment.status-changed": statusSentence,
  "patient.registered": (c) =>
    `${c.who} registered ${c.patient}${c.details.confirmedNotDuplicate ? ", after confirming they are not an already registered patient" : ""}`,
  "patient.updated": (c) => {
    const fields = (c.text("fields") ?? "").split(",").filter(Boolean);
    return fields.length
      ? `${c.who} corrected ${possessive(c.patient)} ${listOf(fields.map((field) => PATIENT_FIELDS[field] ?? field))}`
      : `${c.who} corrected ${possessive(c.patient)} details`;
  },
  "patients.searched": (c) =>
    `${c.who} searched ${c.text("purpose") === "booking" ? "for a patient to book an appointment" : "the patient list"} (${plural(c.count("matches"), "match", "matches")})`,
  "staff.created": (c) =>
    `${c.who} added ${c.staff}${c.text("email") && c.staff !== c.text("email") ? ` (${c.text("email")})` : ""} as ${roleLabel(c.details.role)}`,
  "staff.role-changed": (c) =>
    `${c.who} changed ${possessive(c.staff)} role from ${roleLabel(c.details.from)} to ${roleLabel(c.details.to)}`,
  "staff.deactivated": (c) =>
    `${c.who} deactivated ${possessive(c.staff)} account${sessionsEnded(c, " and ended ")}`,
  "staff.reactivated": (c) => `${c.who} reactivated ${possessive(c.staff)} account`,
  "staff.password-reset": (c) =>
    `${c.who} reset ${possessive(c.staff)} password: the temporary password works until ${c.moment(c.text("expiresAt"))}${sessionsEnded(c, ", ")}${c.count("sessionsEnded") ? " ended" : ""}`,
  "staff.owner-restored": (c) =>
    `${possessive(c.staff)} owner account was restored by Open clinic from the admin console (it had been ${roleLabel(c.details.fromRole)}${c.text("fromStatus") && c.text("fromStatus") !== "ACTIVE" ? `, ${c.text("fromStatus")?.toLowerCase()}` : ""})`,
  "doctor.profile-created": (c) =>
    `${c.who} set up ${possessive(c.doctor)} doctor profile (appointments of ${c.count("defaultSlotMinutes")} minutes)`,
  "doctor.profile-updated": (c) =>
    `${c.who} changed ${possessive(c.doctor)} doctor profile (appointments of ${c.count("defaultSlotMinutes")} minutes)`,
  "doctor.hours-set": (c) =>
    c.count("intervals")
      ? `${c.who} set ${possessive(c.doctor)} weekly working hours (${plural(c.count("intervals"), "period")} a week)`
      : `${c.who} cleared ${possessive(c.doctor)} weekly working hours`,
  "doctor.time-off-added": (c) => `${c.who} added time off for ${c.doctor} on ${c.day(c.text("date"))}`,
  "doctor.time-off-removed": (c) =>
    `${c.who} removed ${possessive(c.doctor)} time off on ${c.day(c.text("date"))}`,
  "doctor.extra-hours-added": (c) =>
    `${c.who} added extra working hours for ${c.doctor} on ${c.day(c.text("date"))}`,
  "doctor.extra-hours-removed": (c) =>
    `${c.who} removed ${possessive(c.doctor)} extra working hours on ${c.day(c.text("date"))}`,
  "location.created": locationSentence("added"),
  "location.updated": (c) =>
    c.text("previousName")
      ? `${c.who} renamed the location ${c.text("previousName")} to ${c.text("name")}`
      : `${c.who} changed the details of the location ${c.text("name") ?? "without a name"}`,
  "location.deactivated": locationSentence("deactivated"),
  "location.reactivated": locationSentence("reactivated"),
  "location.deleted": locationSentence("deleted"),
  "clinic-settings.updated": (c) =>
    `${c.who} changed the clinic's ${listOf(
      (c.text("changed") ?? "settings").split(", ").map((field) => SETTINGS_FIELDS[field] ?? field),
    )}`,
  "sign-in.succeeded": (c) => `${c.who} signed in`,
  "sign-in.ticket": (c) =>
    `${c.who} signed in from the admin console as ${roleLabel(c.details.as)}${c.text("afterPasswordResetBy") ? `, the first time since ${c.text("afterPasswordResetBy")} (platform administrator) reset their console password on ${c.moment(c.text("passwordResetAt"))}` : ""}`,
  "sign-in.failed": (c) => `A sign-in as ${c.account} failed: wrong email or password`,
  "sign-in.locked": (c) => `${c.account} was locked after repeated failed sign-ins`,
  "sign-in.refused-locked": signInRefused("the account is locked after repeated failed sign-ins"),
  "sign-in.refused-address-locked": signInRefused("too many failed sign-ins from this address"),
  "sign-in.refused-disabled": signInRefused("the account is deactivated"),
  "sign-in.refused-expired-password": signInRefused("the temporary password had expired"),
  "sign-out": (c) => `${c.who} signed out`,
  "sign-out.everywhere": (c) => `${c.who} signed out on every device`,
  "password.changed": (c) => `${c.who} changed their password`,
  "password.change-failed": (c) =>
    `${c.who} gave a wrong current password when changing their password${c.details.lockedOut ? "; the account is locked for now" : ""}`,
  "password.change-refused-locked": (c) => `${c.who} could not change their password: the account is locked`,
};

/** Action names a sentence exists for (a test checks every clinic action the code writes is one). */
export const DESCRIBED_AUDIT_ACTIONS = Object.keys(SENTENCES);

/**
 * One audit event as a sentence: who did what to whom ("Rita Reception booked Ben Adams with Dr
 * Ada Adams for Mon 30 Nov 09:40"), names as they are now, times on the clinic's clock. An action
 * without a sentence reads as its name in words, with its details.
 */
export function describeAuditEvent(
  event: AuditEventToDescribe,
  names: AuditNames,
  timeZone: string,
  clock: { hour12: boolean } = { hour12: false },
): string {
  const c = contextOf(event, names, timeZone, clock);
  const sentence = SENTENCES[event.action];
  if (sentence) return `${sentence(c)}.`;
  const what = event.action.replace(/[.-]+/g, " ").trim();
  const details = describeAuditDetails(event.details);
  return `${c.who}: ${what}${details ? ` (${details})` : ""}.`;
}

/** "Chrome on Windows": enough to recognise a device; the whole user agent is the title. */
export function browserOf(userAgent: string): string {
  const browser = /Edg\//.test(userAgent)
    ? "Edge"
    : /Firefox\//.test(userAgent)
      ? "Firefox"
      : /Chrom(e|ium)\//.test(userAgent)
        ? "Chrome"
        : /Safari\//.test(userAgent)
          ? "Safari"
          : "an unrecognised browser";
  const system = /iPhone|iPad/.test(userAgent)
    ? "iOS"
    : /Android/.test(userAgent)
      ? "Android"
      : /Windows/.test(userAgent)
        ? "Windows"
        : /Mac OS X/.test(userAgent)
          ? "macOS"
          : /Linux/.test(userAgent)
            ? "Linux"
            : null;
  return system ? `${browser} on ${system}` : browser;
}
