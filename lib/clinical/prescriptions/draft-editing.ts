import type { Actor } from "@/lib/auth/actor";
import { recordAuditEvent } from "@/lib/clinic/audit";
import type { TenantDb } from "@/lib/tenancy/tenant-db";
import type { PrescriptionLineValues } from "@/lib/validations/prescriptions";
import { writeDraftLines } from "./drafts";
import { claimDraftVersion, findOwnDraft, lockAware, lostRace, revisionOf } from "./prescription-access";
import { checkPrescriptionLines, type LineWarning } from "./prescription-checks";

/**
 * Saves a draft's lines (its prescriber only, from the version they edited) and returns the new
 * version and each line's checks, so the editor shows the warnings before signing.
 */
export async function savePrescriptionDraft(options: {
  db: TenantDb;
  actor: Actor;
  prescriptionId: string;
  revision: string;
  lines: PrescriptionLineValues[];
}): Promise<{ revision: string; warnings: LineWarning[][] }> {
  const { db, actor, prescriptionId, lines } = options;
  const prescription = await findOwnDraft(db, actor, prescriptionId, options.revision);
  const saved = await lockAware(() =>
    db.$transaction(async (tx) => {
      const updatedAt = await claimDraftVersion(tx, prescription);
      if (!updatedAt) throw await lostRace(tx, prescriptionId);
      await writeDraftLines(tx, prescription, lines);
      await recordAuditEvent(tx, {
        actor,
        action: "prescription.draft-saved",
        targetType: "prescription",
        targetId: prescriptionId,
        details: { patientId: prescription.patientId, visitId: prescription.visitId, lines: lines.length },
      });
      return { updatedAt };
    }),
  );
  const warnings = await checkPrescriptionLines({
    db,
    patientId: prescription.patientId,
    prescriptionId,
    medicationNames: lines.map((line) => line.medicationName),
  });
  return { revision: revisionOf(saved), warnings };
}

/** Throws a draft away (its prescriber only): a draft was never handed to anyone, so it may go. */
export async function discardPrescriptionDraft(options: {
  db: TenantDb;
  actor: Actor;
  prescriptionId: string;
}): Promise<{ patientId: string; visitId: string | null }> {
  const { db, actor, prescriptionId } = options;
  const prescription = await findOwnDraft(db, actor, prescriptionId);
  return lockAware(() =>
    db.$transaction(async (tx) => {
      const removed = await tx.prescription.deleteMany({ where: { id: prescriptionId, status: "DRAFT" } });
      if (removed.count === 0) throw await lostRace(tx, prescriptionId);
      await recordAuditEvent(tx, {
        actor,
        action: "prescription.discarded",
        targetType: "prescription",
        targetId: prescriptionId,
        details: { patientId: prescription.patientId, visitId: prescription.visitId },
      });
      return { patientId: prescription.patientId, visitId: prescription.visitId };
    }),
  );
}
