import { AppError } from "../errors";
import { Prisma } from "../generated/tenant/client";
import type { TenantDb } from "../tenancy/registry";
import type { PatientInput } from "../validations/patients";

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
  db: TenantDb,
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
export async function createPatient(options: { db: TenantDb; input: PatientInput }) {
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

/**
 * Search by name (every word must appear in "last first", through the trigram index), medical
 * record number, phone digits or date of birth (YYYY-MM-DD), a page at a time.
 */
export async function findPatients(options: { db: TenantDb; query: string; page: number }) {
  const { db } = options;
  const offset = (options.page - 1) * PATIENT_PAGE_SIZE;
  const text = options.query.trim().toLowerCase();
  const digits = digitsOf(text);
  const words = text.split(/\s+/).filter(Boolean).slice(0, 4);
  const where: Prisma.Sql[] = [];
  if (/^p-\d+$/.test(text)) where.push(Prisma.sql`lower(mrn) = ${text}`);
  if (/^\d{4}-\d{2}-\d{2}$/.test(text)) where.push(Prisma.sql`date_of_birth = ${text}::date`);
  if (digits.length >= 4 && !/[a-z]/.test(text)) where.push(Prisma.sql`phone_digits LIKE ${`%${digits}%`}`);
  if (words.length > 0 && /[a-z]/.test(text)) {
    const nameMatches = words.map(
      (word) => Prisma.sql`lower(last_name || ' ' || first_name) LIKE ${`%${word}%`}`,
    );
    where.push(Prisma.sql`(${Prisma.join(nameMatches, " AND ")})`);
  }
  const filter =
    text === "" ? Prisma.sql`TRUE` : where.length > 0 ? Prisma.join(where, " OR ") : Prisma.sql`FALSE`;
  const rows = await db.$queryRaw<(PatientSummary & { total: bigint })[]>`
    SELECT id, mrn, first_name AS "firstName", last_name AS "lastName", date_of_birth AS "dateOfBirth", phone,
           count(*) OVER () AS total
    FROM patients
    WHERE ${filter}
    ORDER BY last_name, first_name, mrn
    LIMIT ${PATIENT_PAGE_SIZE} OFFSET ${offset}`;
  const total = Number(rows[0]?.total ?? 0);
  return {
    patients: rows.map(({ total: _total, ...patient }) => patient),
    total,
    pages: Math.max(1, Math.ceil(total / PATIENT_PAGE_SIZE)),
  };
}
