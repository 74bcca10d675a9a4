import { z } from "zod";
import type { Prisma } from "@/lib/generated/tenant/client";
import type { NoteStatus } from "@/lib/generated/tenant/enums";
import type { TenantDb } from "@/lib/tenancy/tenant-db";

export const VISIT_LIST_PAGE_SIZE = 25;

/** What billing may know of a visit: when, who, where, and the codes a statement needs. */
export type VisitWithCodes = {
  id: string;
  startedAt: Date;
  doctor: string;
  location: string;
  diagnoses: { code: string; title: string }[];
};

/** What a clinician sees in the list besides: the reason and how far its notes are. */
export type VisitWithNotes = VisitWithCodes & {
  reason: string;
  notes: { drafts: number; signed: number; enteredInError: number };
};

type VisitPage<T> = { visits: T[]; total: number; pages: number; page: number };

const codesSelect = {
  id: true,
  startedAt: true,
  doctor: { select: { name: true } },
  location: { select: { name: true } },
  diagnoses: {
    where: { status: { not: "ENTERED_IN_ERROR" } },
    select: { code: true, title: true },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
  },
} satisfies Prisma.VisitSelect;

async function pageOf(options: { db: TenantDb; patientId: string; page?: number }) {
  const total = z.uuid().safeParse(options.patientId).success
    ? await options.db.visit.count({ where: { patientId: options.patientId } })
    : 0;
  const pages = Math.max(1, Math.ceil(total / VISIT_LIST_PAGE_SIZE));
  const page = Math.min(Math.max(1, Math.trunc(options.page ?? 1) || 1), pages);
  return { total, pages, page, skip: (page - 1) * VISIT_LIST_PAGE_SIZE };
}

/**
 * A patient's visits, newest first, as billing sees them: no reason and nothing of the notes is
 * even read, so nothing of them can reach the page.
 */
export async function findVisitsWithCodes(options: {
  db: TenantDb;
  patientId: string;
  page?: number;
}): Promise<VisitPage<VisitWithCodes>> {
  const { total, pages, page, skip } = await pageOf(options);
  if (total === 0) return { visits: [], total, pages, page };
  const rows = await options.db.visit.findMany({
    where: { patientId: options.patientId },
    orderBy: [{ startedAt: "desc" }, { id: "desc" }],
    skip,
    take: VISIT_LIST_PAGE_SIZE,
    select: codesSelect,
  });
  return { visits: rows.map(withCodesOf), total, pages, page };
}

/** The same list for readers of the chart: each visit's reason and its notes' status too. */
export async function findVisitsWithNotes(options: {
  db: TenantDb;
  patientId: string;
  page?: number;
}): Promise<VisitPage<VisitWithNotes>> {
  const { total, pages, page, skip } = await pageOf(options);
  if (total === 0) return { visits: [], total, pages, page };
  const rows = await options.db.visit.findMany({
    where: { patientId: options.patientId },
    orderBy: [{ startedAt: "desc" }, { id: "desc" }],
    skip,
    take: VISIT_LIST_PAGE_SIZE,
    select: { ...codesSelect, reason: true, notes: { select: { status: true } } },
  });
  return {
    visits: rows.map((row) => ({
      ...withCodesOf(row),
      reason: row.reason,
      notes: {
        drafts: countOf(row.notes, "DRAFT"),
        signed: countOf(row.notes, "SIGNED"),
        enteredInError: countOf(row.notes, "ENTERED_IN_ERROR"),
      },
    })),
    total,
    pages,
    page,
  };
}

function withCodesOf(row: {
  id: string;
  startedAt: Date;
  doctor: { name: string };
  location: { name: string };
  diagnoses: { code: string; title: string }[];
}): VisitWithCodes {
  return {
    id: row.id,
    startedAt: row.startedAt,
    doctor: row.doctor.name,
    location: row.location.name,
    // A code recorded twice at one visit is one line on a statement.
    diagnoses: [...new Map(row.diagnoses.map((d) => [d.code, { code: d.code, title: d.title }])).values()],
  };
}

const countOf = (notes: { status: NoteStatus }[], status: NoteStatus) =>
  notes.filter((note) => note.status === status).length;
