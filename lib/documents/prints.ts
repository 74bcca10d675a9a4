import type { Actor } from "@/lib/auth/actor";
import { recordAuditEvent } from "@/lib/clinic/audit";
import type { PrintKind } from "@/lib/generated/tenant/enums";
import type { TenantDb } from "@/lib/tenancy/tenant-db";

type Tx = Parameters<Parameters<TenantDb["$transaction"]>[0]>[0];

/** Extra words for a print's audit event: `document` names it when its kind does not ("credit note"). */
export type PrintDetails = Record<string, string>;

/** One print as logged: a reprint (copy) is any print after the first of the same document. */
export type PrintRecord = { copy: boolean; printedAt: Date; printedBy: string };

const TARGET_TYPES: Record<PrintKind, string> = {
  PRESCRIPTION: "prescription",
  VISIT_SUMMARY: "visit",
  SICK_NOTE: "sick-note",
  REFERRAL_LETTER: "referral-letter",
  INVOICE: "invoice",
  RECEIPT: "payment",
  STATEMENT: "patient",
  SUPERBILL: "visit",
};

/**
 * Logs a print (a DocumentPrint row and a "document.printed" audit event) inside the caller's
 * transaction. Prints of one document are serialised by a transaction-scoped advisory lock, so
 * two first prints at the same moment cannot both come out as originals.
 */
export async function recordPrint(
  tx: Tx,
  options: {
    actor: Actor;
    kind: PrintKind;
    subjectId: string;
    patientId: string;
    number?: string | null;
    /** What the audit log's sentence needs besides the number (a statement's period). */
    details?: PrintDetails;
    /** Drawn afresh on every print (a statement as of today): no print of it is a copy. */
    alwaysOriginal?: boolean;
  },
): Promise<PrintRecord> {
  const { actor, kind, subjectId, patientId } = options;
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${`document-print:${kind}:${subjectId}`}))`;
  const [earlier, printer] = await Promise.all([
    tx.documentPrint.count({ where: { kind, subjectId } }),
    tx.staffUser.findUnique({ where: { id: actor.id }, select: { name: true } }),
  ]);
  const copy = earlier > 0 && !options.alwaysOriginal;
  const row = await tx.documentPrint.create({
    data: { kind, subjectId, patientId, printedById: actor.id, copy },
  });
  await recordAuditEvent(tx, {
    actor,
    action: "document.printed",
    targetType: TARGET_TYPES[kind],
    targetId: subjectId,
    details: { ...options.details, kind, subjectId, patientId, copy, number: options.number ?? null },
  });
  return { copy, printedAt: row.printedAt, printedBy: printer?.name ?? actor.email };
}

/** A printed document as a route handler sends it. */
export type PrintedFile = { fileName: string; bytes: Uint8Array };

/**
 * Checks, logs and renders one print in one transaction: a refusal or a failed render leaves no
 * print row and no audit event behind. `prepare` reads (and locks) what is printed and throws an
 * AppError when it may not be printed.
 */
export async function printDocument<T>(options: {
  db: TenantDb;
  actor: Actor;
  kind: PrintKind;
  subjectId: string;
  alwaysOriginal?: boolean;
  prepare: (tx: Tx) => Promise<T & { patientId: string; number?: string | null; details?: PrintDetails }>;
  render: (prepared: T, print: PrintRecord, clock: { hour12: boolean }) => Promise<PrintedFile>;
}): Promise<PrintedFile> {
  const { db, actor, kind, subjectId } = options;
  return db.$transaction(
    async (tx) => {
      const prepared = await options.prepare(tx);
      const print = await recordPrint(tx, {
        actor,
        kind,
        subjectId,
        patientId: prepared.patientId,
        number: prepared.number,
        details: prepared.details,
        alwaysOriginal: options.alwaysOriginal,
      });
      const clock = await tx.clinicSetting.findUnique({ where: { id: 1 }, select: { hour12: true } });
      return options.render(prepared, print, { hour12: clock?.hour12 ?? false });
    },
    // Rendering a PDF takes a moment on a busy server; the lock keeps later prints of it waiting.
    { timeout: 20_000, maxWait: 10_000 },
  );
}

/** How often each document was printed and when last: what the Print tab says next to "Print copy". */
export async function findPrintCounts(options: {
  db: TenantDb;
  patientId: string;
}): Promise<Map<string, { count: number; lastAt: Date }>> {
  const rows = await options.db.documentPrint.groupBy({
    by: ["kind", "subjectId"],
    where: { patientId: options.patientId },
    _count: { _all: true },
    _max: { printedAt: true },
  });
  return new Map(
    rows.map((row) => [
      `${row.kind}:${row.subjectId}`,
      { count: row._count._all, lastAt: row._max.printedAt ?? new Date(0) },
    ]),
  );
}
