import type { Actor } from "@/lib/auth/actor";
import { recordAuditEvent } from "@/lib/clinic/audit";
import { AppError } from "@/lib/errors";
import type { Prisma } from "@/lib/generated/tenant/client";
import type { TenantDb } from "@/lib/tenancy/tenant-db";
import { ICD10CM_EDITION } from "./icd10cm/codes";
import { resolveDiagnosisCode } from "./icd10cm/search";

type TenantTx = Prisma.TransactionClient;

const NO_DIAGNOSIS = "This diagnosis is no longer in the patient's record. Reload the page.";

const diagnosisRow = {
  id: true,
  patientId: true,
  visitId: true,
  codeSystem: true,
  code: true,
  title: true,
  inCodeList: true,
  onProblemList: true,
  status: true,
  onset: true,
  resolvedAt: true,
  enteredInErrorReason: true,
  createdAt: true,
} as const;

export type DiagnosisRow = Prisma.DiagnosisGetPayload<{ select: typeof diagnosisRow }>;

/** The patient's problem list: active problems first, then resolved, then entered in error; newest first in each. */
export async function findProblemList(options: { db: TenantDb; patientId: string }): Promise<DiagnosisRow[]> {
  const rows = await options.db.diagnosis.findMany({
    where: { patientId: options.patientId, onProblemList: true },
    orderBy: [{ status: "asc" }, { createdAt: "desc" }],
    select: diagnosisRow,
  });
  return rows;
}

/** One visit's diagnoses (of that patient), in the order they were recorded. */
export async function findVisitDiagnoses(options: {
  db: TenantDb;
  patientId: string;
  visitId: string;
}): Promise<DiagnosisRow[]> {
  return options.db.diagnosis.findMany({
    where: { patientId: options.patientId, visitId: options.visitId },
    orderBy: { createdAt: "asc" },
    select: diagnosisRow,
  });
}

async function codeSystemOf(tx: TenantTx): Promise<string> {
  const settings = await tx.clinicSetting.findUnique({
    where: { id: 1 },
    select: { diagnosisCodeSystem: true },
  });
  return settings?.diagnosisCodeSystem ?? ICD10CM_EDITION;
}

/**
 * Records a diagnosis: on a visit of that patient (`visitId`), on the problem list, or both in one
 * row. A code outside the list is kept with the doctor's title and flagged; the clinic's code
 * system is written on the row. The audit event names the code, never the title.
 */
export async function addDiagnosis(options: {
  db: TenantDb;
  actor: Actor;
  input: {
    patientId: string;
    visitId?: string;
    code: string;
    title?: string | null;
    onset?: string | null;
    onProblemList: boolean;
  };
}): Promise<DiagnosisRow> {
  const { db, actor, input } = options;
  return db.$transaction(async (tx) => {
    const patient = await tx.$queryRaw<{ id: string }[]>`
      SELECT id FROM patients WHERE id = ${input.patientId}::uuid FOR UPDATE`;
    if (patient.length === 0)
      throw new AppError(
        "NOT_FOUND",
        "This patient is not in this clinic's records. Open the patient again.",
      );
    if (input.visitId) {
      const visit = await tx.visit.findFirst({ where: { id: input.visitId, patientId: input.patientId } });
      if (!visit)
        throw new AppError("NOT_FOUND", "This visit is not one of this patient's visits. Reload the page.");
    }
    const resolved = resolveDiagnosisCode({ ...input, codeSystem: await codeSystemOf(tx) });
    if (!resolved.ok) throw new AppError("INVALID", resolved.message, { [resolved.field]: resolved.message });
    const { ok: _ok, ...coded } = resolved;
    if (input.visitId) {
      const same = await tx.diagnosis.count({
        where: { visitId: input.visitId, code: coded.code, status: { not: "ENTERED_IN_ERROR" } },
      });
      if (same > 0)
        throw new AppError("CONFLICT", `${coded.code} is already a diagnosis of this visit.`, {
          code: "Already recorded",
        });
    }
    let onProblemList = input.onProblemList;
    if (onProblemList) {
      const listed = await tx.diagnosis.count({
        where: { patientId: input.patientId, onProblemList: true, code: coded.code, status: "ACTIVE" },
      });
      if (listed > 0 && !input.visitId)
        throw new AppError("CONFLICT", `${coded.code} is already an active problem of this patient.`, {
          code: "Already on the problem list",
        });
      // From a visit, a problem already listed stays listed once: the visit keeps its own diagnosis.
      if (listed > 0) onProblemList = false;
    }
    const diagnosis = await tx.diagnosis.create({
      data: {
        ...coded,
        patientId: input.patientId,
        visitId: input.visitId ?? null,
        onset: input.onset ?? null,
        onProblemList,
        recordedById: actor.id,
      },
      select: diagnosisRow,
    });
    await recordAuditEvent(tx, {
      actor,
      action: "diagnosis.added",
      targetType: "patient",
      targetId: input.patientId,
      details: {
        diagnosisId: diagnosis.id,
        code: diagnosis.code,
        ...(diagnosis.visitId ? { visitId: diagnosis.visitId } : {}),
        problemList: diagnosis.onProblemList,
      },
    });
    return diagnosis;
  });
}

/** Marks an active diagnosis or problem resolved (now). */
export async function resolveDiagnosis(options: { db: TenantDb; actor: Actor; diagnosisId: string }) {
  const { db, actor, diagnosisId } = options;
  return db.$transaction(async (tx) => {
    const before = await tx.diagnosis.findUnique({ where: { id: diagnosisId }, select: diagnosisRow });
    if (!before) throw new AppError("NOT_FOUND", NO_DIAGNOSIS);
    if (before.status !== "ACTIVE")
      throw new AppError(
        "CONFLICT",
        `${before.code} is not active any more (${before.status === "RESOLVED" ? "already resolved" : "entered in error"}).`,
      );
    const diagnosis = await tx.diagnosis.update({
      where: { id: diagnosisId },
      data: { status: "RESOLVED", resolvedAt: new Date() },
      select: diagnosisRow,
    });
    await recordAuditEvent(tx, {
      actor,
      action: "diagnosis.resolved",
      targetType: "patient",
      targetId: diagnosis.patientId,
      details: { diagnosisId, code: diagnosis.code },
    });
    return diagnosis;
  });
}

/** Marks a diagnosis entered in error (kept, with the reason, hidden by default). */
export async function markDiagnosisEnteredInError(options: {
  db: TenantDb;
  actor: Actor;
  diagnosisId: string;
  reason: string;
}) {
  const { db, actor, diagnosisId, reason } = options;
  return db.$transaction(async (tx) => {
    const before = await tx.diagnosis.findUnique({ where: { id: diagnosisId }, select: diagnosisRow });
    if (!before) throw new AppError("NOT_FOUND", NO_DIAGNOSIS);
    if (before.status === "ENTERED_IN_ERROR")
      throw new AppError("CONFLICT", `${before.code} is already marked entered in error.`);
    const diagnosis = await tx.diagnosis.update({
      where: { id: diagnosisId },
      data: { status: "ENTERED_IN_ERROR", enteredInErrorReason: reason },
      select: diagnosisRow,
    });
    await recordAuditEvent(tx, {
      actor,
      action: "diagnosis.entered-in-error",
      targetType: "patient",
      targetId: diagnosis.patientId,
      details: { diagnosisId, code: diagnosis.code },
    });
    return diagnosis;
  });
}
