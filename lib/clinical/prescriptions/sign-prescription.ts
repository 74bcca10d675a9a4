import type { Actor } from "@/lib/auth/actor";
import { recordAuditEvent } from "@/lib/clinic/audit";
import { buildPaperHeading, missingForPrescription } from "@/lib/documents/paper-heading";
import { AppError } from "@/lib/errors";
import type { TenantDb } from "@/lib/tenancy/tenant-db";
import { type PrescriptionLineValues, prescriptionLinesSchema } from "@/lib/validations/prescriptions";
import { courseEndOf } from "./course";
import { lineColumnsOf } from "./drafts";
import { claimDraftVersion, findOwnDraft, lockAware, lostRace } from "./prescription-access";
import { checkPrescriptionLines, type LineWarning } from "./prescription-checks";

const OVERRIDE_NEEDED = "Read the warnings: give a reason for each one to sign anyway, or change the line.";

/** Each warned line needs the doctor's reason; otherwise a refusal that names the lines and their warnings. */
function requireOverrides(warnings: LineWarning[][], reasons: (string | null | undefined)[]) {
  const fields: Record<string, string> = {};
  warnings.forEach((found, index) => {
    if (found.length > 0 && !reasons[index]?.trim())
      fields[`overrideReasons.${index}`] = found.map((warning) => warning.message).join(" ");
  });
  if (Object.keys(fields).length > 0) throw new AppError("CONFLICT", OVERRIDE_NEEDED, fields);
}

/**
 * Signs the doctor's own draft with its final lines: checks again on the server, refuses warned
 * lines without a reason, fixes the paper heading, takes the next RX number from the sequence in
 * the same transaction (two doctors signing at once never share one), and makes every line
 * active from now to the end of its course. Only from the version the editor had.
 */
export async function signPrescription(options: {
  db: TenantDb;
  actor: Actor;
  prescriptionId: string;
  revision: string;
  lines: PrescriptionLineValues[];
  overrideReasons: (string | null | undefined)[];
  /** When it is signed: now, except for test fixtures that need a course already under way. */
  at?: Date;
}): Promise<{ prescriptionId: string; number: string; signedAt: Date }> {
  const { db, actor, prescriptionId, overrideReasons } = options;
  const prescription = await findOwnDraft(db, actor, prescriptionId, options.revision);
  const parsed = prescriptionLinesSchema.safeParse(options.lines);
  if (!parsed.success) throw new AppError("INVALID", "Check the prescription's lines before signing.");
  const lines = parsed.data;
  const warnings = await checkPrescriptionLines({
    db,
    patientId: prescription.patientId,
    prescriptionId,
    medicationNames: lines.map((line) => line.medicationName),
  });
  requireOverrides(warnings, overrideReasons);
  const signedAt = options.at ?? new Date();
  const heading = await buildPaperHeading({
    db,
    patientId: prescription.patientId,
    authorId: actor.id,
    locationId: prescription.locationId,
    at: signedAt,
  });
  const missing = missingForPrescription(heading);
  if (missing.length > 0) throw new AppError("CONFLICT", missing.join(" "));

  return lockAware(() =>
    db.$transaction(async (tx) => {
      if (!(await claimDraftVersion(tx, prescription))) throw await lostRace(tx, prescriptionId);
      const [{ number }] = await tx.$queryRaw<[{ number: string }]>`
        SELECT 'RX-' || lpad(nextval('prescription_number_seq')::text, 6, '0') AS number`;
      await tx.prescriptionLine.deleteMany({ where: { prescriptionId } });
      await tx.prescriptionLine.createMany({
        data: lines.map((line, position) => ({
          ...lineColumnsOf(line),
          prescriptionId,
          patientId: prescription.patientId,
          position,
          status: "ACTIVE" as const,
          startsAt: signedAt,
          endsAt: courseEndOf(line, signedAt),
          warnings: warnings[position] ?? [],
          overrideReason: warnings[position]?.length ? (overrideReasons[position]?.trim() ?? null) : null,
        })),
      });
      const signed = await tx.prescription.updateMany({
        where: { id: prescriptionId, status: "DRAFT" },
        data: { status: "SIGNED", number, heading, signedAt },
      });
      if (signed.count === 0) throw await lostRace(tx, prescriptionId);
      const overridden = warnings.filter((found) => found.length > 0);
      await recordAuditEvent(tx, {
        actor,
        action: "prescription.signed",
        targetType: "prescription",
        targetId: prescriptionId,
        details: {
          patientId: prescription.patientId,
          visitId: prescription.visitId,
          number,
          lines: lines.length,
          overrides: overridden.length,
          overriddenWarnings: [...new Set(overridden.flat().map((warning) => warning.kind))].join(","),
        },
      });
      return { prescriptionId, number, signedAt };
    }),
  );
}
