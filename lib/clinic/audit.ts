import type { Actor } from "@/lib/auth/actor";
import type { Prisma } from "@/lib/generated/tenant/client";
import type { TenantDb } from "@/lib/tenancy/tenant-db";
import { AUDIT_KINDS, type ClinicAuditFilter } from "@/lib/validations/audit";

type TenantTx = Prisma.TransactionClient;

/** Writes one audit event (inside the caller's transaction, so it lands with the change or not at all). */
export async function recordAuditEvent(
  tx: TenantTx | TenantDb,
  event: {
    actor: Actor;
    action: string;
    targetType?: string;
    targetId?: string;
    details?: Record<string, string | number | boolean | null>;
  },
): Promise<void> {
  const { actor, ...rest } = event;
  await tx.auditEvent.create({
    data: {
      ...rest,
      actorId: actor.id,
      actorEmail: actor.email,
      ip: actor.ip,
      userAgent: actor.userAgent?.slice(0, 300) ?? null,
    },
  });
}

export type AuditEventRow = {
  id: string;
  at: Date;
  action: string;
  actorId: string | null;
  actorName: string | null;
  actorEmail: string | null;
  targetType: string | null;
  targetId: string | null;
  ip: string | null;
  userAgent: string | null;
  details: Prisma.JsonValue;
};

/** An appointment as an audit sentence names it: its patient, doctor, place and time today. */
export type AuditAppointment = { patientId: string; doctorId: string; locationId: string; startsAt: Date };

/** The current names behind the ids a page of events holds (audit rows store ids, never a patient's name). */
export type AuditNames = {
  staff: Map<string, string>;
  patients: Map<string, string>;
  locations: Map<string, string>;
  appointments: Map<string, AuditAppointment>;
};

export const AUDIT_PAGE_SIZE = 50;

/** The rows a filter keeps: by who did it, the patient it concerns (their record, appointments, visits and notes), its kind. */
async function whereOf(db: TenantDb, filter: ClinicAuditFilter): Promise<Prisma.AuditEventWhereInput> {
  const where: Prisma.AuditEventWhereInput[] = [];
  if (filter.person) where.push({ actorId: filter.person });
  if (filter.kind)
    where.push({
      OR: AUDIT_KINDS[filter.kind].actions.map((prefix) => ({ action: { startsWith: prefix } })),
    });
  if (filter.patient) {
    const appointments = await db.appointment.findMany({
      where: { patientId: filter.patient },
      select: { id: true },
    });
    where.push({
      OR: [
        { targetType: "patient", targetId: filter.patient },
        { targetType: "appointment", targetId: { in: appointments.map((appointment) => appointment.id) } },
        // Every other clinical event (visits, notes, prescriptions, prints…) names its patient in the details.
        { details: { path: ["patientId"], equals: filter.patient } },
      ],
    });
  }
  return { AND: where };
}

/**
 * One page of the clinic's audit log, newest first, with the names its ids stand for now, read in
 * a fixed number of queries whatever the page holds.
 */
export async function findAuditEvents(options: {
  db: TenantDb;
  page: number;
  pageSize?: number;
  filter?: ClinicAuditFilter;
}): Promise<{ events: AuditEventRow[]; names: AuditNames; total: number; pages: number; page: number }> {
  const { db, filter = {} } = options;
  const pageSize = options.pageSize ?? AUDIT_PAGE_SIZE;
  const where = await whereOf(db, filter);
  const total = await db.auditEvent.count({ where });
  const pages = Math.max(1, Math.ceil(total / pageSize));
  const page = Math.min(Math.max(1, Math.floor(options.page) || 1), pages);
  const events = await db.auditEvent.findMany({
    where,
    orderBy: [{ at: "desc" }, { id: "desc" }],
    skip: (page - 1) * pageSize,
    take: pageSize,
  });
  const names = await findAuditNames(db, events, filter);
  return {
    page,
    pages,
    total,
    names,
    events: events.map((event) => ({
      id: event.id,
      at: event.at,
      action: event.action,
      actorId: event.actorId,
      actorName: event.actorId ? (names.staff.get(event.actorId) ?? null) : null,
      actorEmail: event.actorEmail,
      targetType: event.targetType,
      targetId: event.targetId,
      ip: event.ip,
      userAgent: event.userAgent,
      details: event.details,
    })),
  };
}

type StoredEvent = Pick<AuditEventRow, "actorId" | "targetType" | "targetId" | "details">;

/** The names of every staff member, patient, location and appointment the events (and the filter) point at. */
async function findAuditNames(
  db: TenantDb,
  events: StoredEvent[],
  filter: ClinicAuditFilter,
): Promise<AuditNames> {
  const ids = { staff: new Set<string>(), patient: new Set<string>(), location: new Set<string>() };
  const appointmentIds = new Set<string>();
  const add = (kind: keyof typeof ids, id: unknown) => {
    if (typeof id === "string" && UUID.test(id)) ids[kind].add(id);
  };
  if (filter.person) add("staff", filter.person);
  if (filter.patient) add("patient", filter.patient);
  for (const event of events) {
    add("staff", event.actorId);
    if (event.targetType === "staff" || event.targetType === "patient" || event.targetType === "location")
      add(event.targetType, event.targetId);
    if (event.targetType === "appointment" && event.targetId && UUID.test(event.targetId))
      appointmentIds.add(event.targetId);
    const details = isRecord(event.details) ? event.details : {};
    add("patient", details.patientId);
    add("staff", details.doctorId);
    add("location", details.locationId);
  }
  const appointments = await db.appointment.findMany({
    where: { id: { in: [...appointmentIds] } },
    select: { id: true, patientId: true, doctorId: true, locationId: true, startsAt: true },
  });
  for (const appointment of appointments) {
    add("patient", appointment.patientId);
    add("staff", appointment.doctorId);
    add("location", appointment.locationId);
  }
  const [staff, patients, locations] = await Promise.all([
    db.staffUser.findMany({ where: { id: { in: [...ids.staff] } }, select: { id: true, name: true } }),
    db.patient.findMany({
      where: { id: { in: [...ids.patient] } },
      select: { id: true, firstName: true, lastName: true },
    }),
    db.location.findMany({ where: { id: { in: [...ids.location] } }, select: { id: true, name: true } }),
  ]);
  return {
    staff: new Map(staff.map((member) => [member.id, member.name])),
    patients: new Map(patients.map((patient) => [patient.id, `${patient.firstName} ${patient.lastName}`])),
    locations: new Map(locations.map((location) => [location.id, location.name])),
    appointments: new Map(appointments.map(({ id, ...appointment }) => [id, appointment])),
  };
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** The patient an event concerns: their record, the patient of the appointment it is about, or the one its details name. */
export function patientOfEvent(
  event: Pick<AuditEventRow, "targetType" | "targetId" | "details">,
  names: AuditNames,
): string | null {
  if (event.targetType === "patient") return event.targetId;
  const stored = isRecord(event.details) ? event.details.patientId : undefined;
  const storedId = typeof stored === "string" ? stored : null;
  if (event.targetType !== "appointment" || !event.targetId) return storedId;
  return names.appointments.get(event.targetId)?.patientId ?? storedId;
}

/** Everyone the log's "who" filter offers: every staff member, deactivated ones too, by name. */
export function findAuditPeople(options: { db: TenantDb }): Promise<{ id: string; name: string }[]> {
  return options.db.staffUser.findMany({
    select: { id: true, name: true },
    orderBy: [{ name: "asc" }, { id: "asc" }],
  });
}
