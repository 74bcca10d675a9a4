import { z } from "zod";
import type { Actor } from "@/lib/auth/actor";
import { AppError } from "../errors";
import { Prisma } from "../generated/tenant/client";
import type { AppointmentStatus } from "../generated/tenant/enums";
import type { TenantDb } from "../tenancy/registry";
import type { PatientInput, PatientListSort } from "../validations/patients";
import { recordAuditEvent } from "./audit";
import { DEFAULT_CLINIC_CLOCK, isDateOrder, parseClinicDate } from "./clock-input";

/** A client or an open transaction: the reads and writes below run in either. */
type TenantTx = Prisma.TransactionClient;

export const PATIENT_PAGE_SIZE = 25;

export type PatientSummary = {
  id: string;
  mrn: string;
  firstName: string;
  lastName: string;
  dateOfBirth: Date;
  phone: string | null;
};

const summary = {
  id: true,
  mrn: true,
  firstName: true,
  lastName: true,
  dateOfBirth: true,
  phone: true,
} as const;

function digitsOf(phone: string | null | undefined): string {
  return (phone ?? "").replace(/\D/g, "");
}

/** Patients who may be the same person: same name and date of birth, or the same phone number. */
export async function findPossibleDuplicates(
  db: TenantTx,
  input: Pick<PatientInput, "firstName" | "lastName" | "dateOfBirth" | "phone">,
) {
  const phoneDigits = digitsOf(input.phone);
  return db.$queryRaw<PatientSummary[]>`
    SELECT id, mrn, first_name AS "firstName", last_name AS "lastName", date_of_birth AS "dateOfBirth", phone
    FROM patients
    WHERE (lower(first_name) = lower(${input.firstName}) AND lower(last_name) = lower(${input.lastName})
           AND date_of_birth = ${input.dateOfBirth}::date)
       OR (${phoneDigits.length >= 6} AND phone_digits = ${phoneDigits})
    ORDER BY last_name, first_name
    LIMIT 5`;
}

/**
 * Registers a patient with the next medical record number. A likely duplicate is refused with
 * the candidates listed, until the person confirms it is someone else.
 */
export async function createPatient(options: { db: TenantTx; input: PatientInput }) {
  const { db, input } = options;
  if (!input.confirmNotDuplicate) {
    const duplicates = await findPossibleDuplicates(db, input);
    if (duplicates.length > 0) {
      const list = duplicates.map((p) => `${p.mrn} ${p.firstName} ${p.lastName}`).join(", ");
      throw new AppError(
        "CONFLICT",
        `This may be a patient already registered: ${list}. Check, or confirm it is someone else.`,
        {
          confirmNotDuplicate: "Possible duplicate",
        },
      );
    }
  }
  const { confirmNotDuplicate: _confirmed, dateOfBirth, ...data } = input;
  return db.patient.create({
    data: { ...data, dateOfBirth: new Date(`${dateOfBirth}T00:00:00Z`) },
    select: summary,
  });
}

// Each sort key's ORDER BY, in one direction; the record number (unique) ends each, so pages never overlap.
const PATIENT_ORDER: Record<PatientListSort["key"], (dir: Prisma.Sql) => Prisma.Sql> = {
  name: (dir) => Prisma.sql`last_name ${dir}, first_name ${dir}, mrn ${dir}`,
  mrn: (dir) => Prisma.sql`mrn ${dir}`,
  dateOfBirth: (dir) => Prisma.sql`date_of_birth ${dir}, last_name, first_name, mrn`,
};

/** A searched date of birth, read in the clinic's date order (ISO always reads). */
async function birthDateOf(db: TenantDb, text: string): Promise<string | null> {
  const settings = await db.clinicSetting.findUnique({ where: { id: 1 }, select: { dateOrder: true } });
  const order =
    settings && isDateOrder(settings.dateOrder) ? settings.dateOrder : DEFAULT_CLINIC_CLOCK.dateOrder;
  return parseClinicDate(text, order);
}

/**
 * Search by name (every word must appear in "last first", through the trigram index), medical
 * record number, phone digits or date of birth (as the clinic writes dates, or YYYY-MM-DD), a page
 * at a time, by name unless `sort` says otherwise.
 */
export async function findPatients(options: {
  db: TenantDb;
  query: string;
  page: number;
  sort?: PatientListSort;
}) {
  const { db } = options;
  const sort = options.sort ?? { key: "name", desc: false };
  const orderBy = PATIENT_ORDER[sort.key](Prisma.raw(sort.desc ? "DESC" : "ASC"));
  const offset = (options.page - 1) * PATIENT_PAGE_SIZE;
  // Control characters as spaces: a NUL byte would fail the query.
  const text = options.query
    .replace(/\p{Cc}/gu, " ")
    .trim()
    .toLowerCase();
  const digits = digitsOf(text);
  const birthDate = /^\d{1,4}[./-]\d{1,2}[./-]\d{1,4}$/.test(text) ? await birthDateOf(db, text) : null;
  const words = text.split(/\s+/).filter(Boolean).slice(0, 4);
  const where: Prisma.Sql[] = [];
  if (/^p-\d+$/.test(text)) {
    // A record number is exact; upper-case matches the unique index.
    where.push(Prisma.sql`mrn = ${text.toUpperCase()}`);
  } else if (birthDate) {
    where.push(Prisma.sql`date_of_birth = ${birthDate}::date`);
  } else if (/^\d{4}-\d{2}-\d{2}$/.test(text)) {
    // A day that does not exist (2023-02-31) matches nobody rather than reading as a phone number.
  } else if (digits.length >= 4 && !/[a-z]/.test(text)) {
    where.push(Prisma.sql`phone_digits LIKE ${`%${digits}%`}`);
  } else if (words.length > 0) {
    const nameMatches = words.map(
      (word) => Prisma.sql`lower(last_name || ' ' || first_name) LIKE ${`%${word}%`}`,
    );
    where.push(Prisma.sql`(${Prisma.join(nameMatches, " AND ")})`);
  }
  const filter =
    text === "" ? Prisma.sql`TRUE` : where.length > 0 ? Prisma.join(where, " OR ") : Prisma.sql`FALSE`;
  // Counted apart: a window count over every match cost ~50 ms on deep pages of 50,000 patients.
  const [patients, [counted]] = await Promise.all([
    db.$queryRaw<PatientSummary[]>`
      SELECT id, mrn, first_name AS "firstName", last_name AS "lastName", date_of_birth AS "dateOfBirth", phone
      FROM patients
      WHERE ${filter}
      ORDER BY ${orderBy}
      LIMIT ${PATIENT_PAGE_SIZE} OFFSET ${offset}`,
    db.$queryRaw<[{ total: bigint }]>`SELECT count(*) AS total FROM patients WHERE ${filter}`,
  ]);
  const total = Number(counted?.total ?? 0);
  return {
    patients,
    total,
    pages: Math.max(1, Math.ceil(total / PATIENT_PAGE_SIZE)),
  };
}

const patientRow = {
  ...summary,
  sex: true,
  email: true,
  address: true,
  emergencyContact: true,
  notes: true,
  createdAt: true,
  updatedAt: true,
} as const;

export type PatientRecord = Prisma.PatientGetPayload<{ select: typeof patientRow }>;

/** One patient's registration details, or null (also for an id that is not a uuid: a typed-in URL). */
export async function findPatient(options: {
  db: TenantDb;
  patientId: string;
}): Promise<PatientRecord | null> {
  if (!z.uuid().safeParse(options.patientId).success) return null;
  return options.db.patient.findUnique({ where: { id: options.patientId }, select: patientRow });
}

/**
 * Registers a patient (createPatient, with its duplicate warning) and records who did it in the
 * same transaction. The audit event names the patient by id only, never by their details.
 */
export async function registerPatient(options: { db: TenantDb; actor: Actor; input: PatientInput }) {
  const { db, actor, input } = options;
  return db.$transaction(async (tx) => {
    const patient = await createPatient({ db: tx, input });
    await recordAuditEvent(tx, {
      actor,
      action: "patient.registered",
      targetType: "patient",
      targetId: patient.id,
      details: input.confirmNotDuplicate ? { confirmedNotDuplicate: true } : undefined,
    });
    return patient;
  });
}

/** Corrects a patient's registration details; the audit event lists which fields changed, not their values. */
export async function updatePatient(options: {
  db: TenantDb;
  actor: Actor;
  patientId: string;
  input: Omit<PatientInput, "confirmNotDuplicate">;
}): Promise<PatientRecord> {
  const { db, actor, patientId, input } = options;
  const { dateOfBirth, ...rest } = input;
  const data = { ...rest, dateOfBirth: new Date(`${dateOfBirth}T00:00:00Z`) };
  return db.$transaction(async (tx) => {
    const before = await tx.patient.findUnique({ where: { id: patientId }, select: patientRow });
    if (!before) throw new AppError("NOT_FOUND", "No such patient in this clinic.");
    const changed = (Object.keys(data) as (keyof typeof data)[]).filter(
      (field) => comparable(before[field]) !== comparable(data[field]),
    );
    if (changed.length === 0) return before;
    const patient = await tx.patient.update({ where: { id: patientId }, data, select: patientRow });
    await recordAuditEvent(tx, {
      actor,
      action: "patient.updated",
      targetType: "patient",
      targetId: patientId,
      details: { fields: changed.sort().join(",") },
    });
    return patient;
  });
}

function comparable(value: unknown): unknown {
  return value instanceof Date ? value.toISOString() : (value ?? null);
}

export type PatientAppointment = {
  id: string;
  startsAt: Date;
  endsAt: Date;
  status: AppointmentStatus;
  reason: string | null;
  doctorName: string;
  locationName: string;
};

export const PATIENT_APPOINTMENTS_LIMIT = 200;

/** A patient's appointments, newest first (the latest 200: older ones belong to the records). */
export async function findPatientAppointments(options: {
  db: TenantDb;
  patientId: string;
}): Promise<{ appointments: PatientAppointment[]; total: number }> {
  const { db, patientId } = options;
  const [rows, total] = await Promise.all([
    db.appointment.findMany({
      where: { patientId },
      orderBy: [{ startsAt: "desc" }, { id: "asc" }],
      take: PATIENT_APPOINTMENTS_LIMIT,
      select: {
        id: true,
        startsAt: true,
        endsAt: true,
        status: true,
        reason: true,
        doctor: { select: { name: true } },
        location: { select: { name: true } },
      },
    }),
    db.appointment.count({ where: { patientId } }),
  ]);
  return {
    total,
    appointments: rows.map(({ doctor, location, ...appointment }) => ({
      ...appointment,
      doctorName: doctor.name,
      locationName: location.name,
    })),
  };
}
