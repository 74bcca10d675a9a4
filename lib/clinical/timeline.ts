import { z } from "zod";
import { Prisma } from "@/lib/generated/tenant/client";
import type { TenantDb } from "@/lib/tenancy/tenant-db";
import { ADMINISTRATIVE_CATEGORIES } from "@/lib/validations/documents";
import {
  entryOf,
  FIRST_LINE_LENGTH,
  TIMELINE_KINDS,
  type TimelineCursor,
  type TimelineEntry,
  type TimelineKind,
  type TimelineRow,
} from "./timeline-entries";

/** Entries on one page of the timeline. */
export const TIMELINE_PAGE_SIZE = 25;
type Branch = {
  kind: TimelineKind;
  /** The entry's time as SQL. */
  at: Prisma.Sql;
  sql: (where: Prisma.Sql, limit: number) => Prisma.Sql;
};

export type TimelineOptions = {
  patientId: string;
  kinds?: readonly TimelineKind[];
  includeEnteredInError?: boolean;
  includeClinicalDocuments: boolean;
  before?: TimelineCursor | null;
  pageSize?: number;
};

/**
 * One page of a patient's timeline, newest first: past appointments that did not become a visit
 * (cancelled, no-show, or not started here), visits (with their notes' status),
 * vital sets, diagnoses, immunizations, documents and signed prescriptions, in one query. Each kind's rows come from its
 * (patient, time) index, at most a page of each, so a long record costs no more than a short one.
 * Entries entered in error are left out unless asked for; clinical documents only when the reader
 * may see them.
 */
export async function findTimeline(
  options: TimelineOptions & { db: TenantDb },
): Promise<{ entries: TimelineEntry[]; next: TimelineCursor | null }> {
  const pageSize = options.pageSize ?? TIMELINE_PAGE_SIZE;
  const query = timelineQuery(options);
  if (!query) return { entries: [], next: null };
  const rows = await options.db.$queryRaw<TimelineRow[]>(query);
  const entries = rows.slice(0, pageSize).map(entryOf);
  const last = entries.at(-1);
  return {
    entries,
    next: rows.length > pageSize && last ? { at: last.at, kind: last.kind, id: last.id } : null,
  };
}

/** The page's SQL (one row more than the page, to tell whether there is an older one); null when it can have no rows. */
export function timelineQuery(options: TimelineOptions): Prisma.Sql | null {
  const { patientId, before } = options;
  if (!z.uuid().safeParse(patientId).success) return null;
  const pageSize = options.pageSize ?? TIMELINE_PAGE_SIZE;
  const kinds = new Set(options.kinds?.length ? options.kinds : TIMELINE_KINDS);
  const showErrors = options.includeEnteredInError ?? false;
  const branches = branchesFor({ showErrors, includeClinicalDocuments: options.includeClinicalDocuments });
  const selected = branches
    .filter((branch) => kinds.has(branch.kind))
    .map((branch) => {
      const conditions: Prisma.Sql[] = [];
      if (before) {
        // The first condition lets the index skip straight to the cursor; the second breaks ties exactly.
        conditions.push(Prisma.sql`${branch.at} <= ${before.at}::timestamptz`);
        conditions.push(
          Prisma.sql`(${branch.at}, ${branch.kind}::text, x.id) < (${before.at}::timestamptz, ${before.kind}::text, ${before.id}::uuid)`,
        );
      }
      const where = Prisma.sql`x.patient_id = ${patientId}::uuid${
        conditions.length ? Prisma.sql` AND ${Prisma.join(conditions, " AND ")}` : Prisma.empty
      }`;
      return Prisma.sql`(${branch.sql(where, pageSize + 1)})`;
    });
  if (selected.length === 0) return null;
  return Prisma.sql`
    SELECT at, kind, id, visit_id, entered_in_error, details FROM (${Prisma.join(selected, " UNION ALL ")}) t
    ORDER BY at DESC, kind DESC, id DESC
    LIMIT ${pageSize + 1}`;
}

function branchesFor(options: { showErrors: boolean; includeClinicalDocuments: boolean }): Branch[] {
  const unlessError = (condition: Prisma.Sql) =>
    options.showErrors ? Prisma.empty : Prisma.sql` AND NOT ${condition}`;
  const vitalsError = Prisma.sql`(x.entered_in_error_at IS NOT NULL)`;
  const diagnosisError = Prisma.sql`(x.status = 'ENTERED_IN_ERROR')`;
  const immunizationError = Prisma.sql`(x.entered_in_error_at IS NOT NULL)`;
  const documentError = Prisma.sql`(x.entered_in_error_at IS NOT NULL)`;
  const prescriptionError = Prisma.sql`(x.status = 'ENTERED_IN_ERROR')`;
  const documentCategories = options.includeClinicalDocuments
    ? Prisma.empty
    : Prisma.sql` AND x.category::text IN (${Prisma.join(ADMINISTRATIVE_CATEGORIES)})`;
  const immunizationAt = Prisma.sql`(x.given_on::timestamp AT TIME ZONE 'UTC')`;
  return [
    {
      kind: "appointment",
      at: Prisma.sql`x.starts_at`,
      sql: (where, limit) => Prisma.sql`
        SELECT x.starts_at AS at, 'appointment'::text AS kind, x.id, NULL::uuid AS visit_id, false AS entered_in_error,
          jsonb_build_object('status', x.status, 'reason', x.reason, 'doctor', d.name, 'location', l.name) AS details
        FROM appointments x
        JOIN staff_users d ON d.id = x.doctor_id
        JOIN locations l ON l.id = x.location_id
        WHERE ${where}
          -- What happened: upcoming bookings are on the appointments tab, and one that became a
          -- visit is that visit's entry.
          AND x.starts_at <= now()
          AND NOT EXISTS (SELECT 1 FROM visits v WHERE v.appointment_id = x.id)
        ORDER BY x.starts_at DESC, x.id DESC LIMIT ${limit}`,
    },
    {
      kind: "visit",
      at: Prisma.sql`x.started_at`,
      sql: (where, limit) => Prisma.sql`
        SELECT x.started_at AS at, 'visit'::text AS kind, x.id, x.id AS visit_id, false AS entered_in_error,
          jsonb_build_object('reason', x.reason, 'doctor', d.name, 'location', l.name,
            'drafts', n.drafts, 'signed', n.signed, 'errors', n.errors, 'firstLine', n.first_line) AS details
        FROM visits x
        JOIN staff_users d ON d.id = x.doctor_id
        JOIN locations l ON l.id = x.location_id
        CROSS JOIN LATERAL (
          SELECT count(*) FILTER (WHERE c.status = 'DRAFT') AS drafts,
                 count(*) FILTER (WHERE c.status = 'SIGNED') AS signed,
                 count(*) FILTER (WHERE c.status = 'ENTERED_IN_ERROR') AS errors,
                 (array_agg(left(split_part(btrim(coalesce(nullif(btrim(c.assessment), ''),
                    nullif(btrim(c.subjective), ''), c.body)), E'\n', 1), ${FIRST_LINE_LENGTH + 1}::int)
                    ORDER BY c.signed_at) FILTER (WHERE c.status = 'SIGNED'))[1] AS first_line
          FROM clinical_notes c WHERE c.visit_id = x.id
        ) n
        WHERE ${where}
        ORDER BY x.started_at DESC, x.id DESC LIMIT ${limit}`,
    },
    {
      kind: "vitals",
      at: Prisma.sql`x.taken_at`,
      sql: (where, limit) => Prisma.sql`
        SELECT x.taken_at AS at, 'vitals'::text AS kind, x.id, x.visit_id, ${vitalsError} AS entered_in_error,
          jsonb_build_object('recordedBy', r.name,
            'heightValue', x.height_value, 'heightUnit', x.height_unit,
            'weightValue', x.weight_value, 'weightUnit', x.weight_unit, 'bmi', x.bmi,
            'temperatureValue', x.temperature_value, 'temperatureUnit', x.temperature_unit,
            'heartRate', x.heart_rate, 'respiratoryRate', x.respiratory_rate,
            'systolic', x.systolic, 'diastolic', x.diastolic, 'spo2', x.spo2, 'painScore', x.pain_score) AS details
        FROM vital_signs x
        LEFT JOIN staff_users r ON r.id = x.recorded_by_id
        WHERE ${where}${unlessError(vitalsError)}
        ORDER BY x.taken_at DESC, x.id DESC LIMIT ${limit}`,
    },
    {
      kind: "diagnosis",
      at: Prisma.sql`x.created_at`,
      sql: (where, limit) => Prisma.sql`
        SELECT x.created_at AS at, 'diagnosis'::text AS kind, x.id, x.visit_id, ${diagnosisError} AS entered_in_error,
          jsonb_build_object('code', x.code, 'title', x.title, 'status', x.status,
            'onProblemList', x.on_problem_list, 'inCodeList', x.in_code_list) AS details
        FROM diagnoses x
        WHERE ${where}${unlessError(diagnosisError)}
        ORDER BY x.created_at DESC, x.id DESC LIMIT ${limit}`,
    },
    {
      kind: "immunization",
      at: immunizationAt,
      sql: (where, limit) => Prisma.sql`
        SELECT ${immunizationAt} AS at, 'immunization'::text AS kind, x.id, x.visit_id,
          ${immunizationError} AS entered_in_error,
          jsonb_build_object('vaccine', x.vaccine, 'doseNumber', x.dose_number) AS details
        FROM immunizations x
        WHERE ${where}${unlessError(immunizationError)}
        ORDER BY x.given_on DESC, x.id DESC LIMIT ${limit}`,
    },
    {
      kind: "document",
      at: Prisma.sql`x.created_at`,
      sql: (where, limit) => Prisma.sql`
        SELECT x.created_at AS at, 'document'::text AS kind, x.id, x.visit_id, ${documentError} AS entered_in_error,
          jsonb_build_object('title', x.title, 'category', x.category) AS details
        FROM patient_documents x
        WHERE ${where}${unlessError(documentError)}${documentCategories}
        ORDER BY x.created_at DESC, x.id DESC LIMIT ${limit}`,
    },
    {
      // Drafts are the prescriber's work in progress: a prescription enters the record when signed.
      kind: "prescription",
      at: Prisma.sql`x.signed_at`,
      sql: (where, limit) => Prisma.sql`
        SELECT x.signed_at AS at, 'prescription'::text AS kind, x.id, x.visit_id, ${prescriptionError} AS entered_in_error,
          jsonb_build_object('number', x.number, 'prescriber', d.name, 'status', x.status,
            'medicines', (SELECT jsonb_agg(l.medication_name ORDER BY l.position)
                          FROM prescription_lines l WHERE l.prescription_id = x.id)) AS details
        FROM prescriptions x
        JOIN staff_users d ON d.id = x.prescriber_id
        WHERE ${where} AND x.status <> 'DRAFT'${unlessError(prescriptionError)}
        ORDER BY x.signed_at DESC, x.id DESC LIMIT ${limit}`,
    },
  ];
}
