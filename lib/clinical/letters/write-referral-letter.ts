import type { Actor } from "@/lib/auth/actor";
import { recordAuditEvent } from "@/lib/clinic/audit";
import { buildPaperHeading } from "@/lib/documents/paper-heading";
import type { TenantDb } from "@/lib/tenancy/tenant-db";
import type { WriteReferralLetterInput } from "@/lib/validations/letters";
import { findLetterVisit } from "./letter-visit";

/**
 * Writes a referral letter from a visit, as the doctor confirmed its text, with the paper's
 * heading as it is now. Written once: the database refuses any later change. The audit row names
 * the urgency, never the recipient, reason or text.
 */
export async function createReferralLetter(options: {
  db: TenantDb;
  actor: Actor;
  input: WriteReferralLetterInput;
  now?: Date;
}): Promise<{ id: string }> {
  const { db, actor, input, now = new Date() } = options;
  const visit = await findLetterVisit({ db, visitId: input.visitId, patientId: input.patientId });
  const heading = await buildPaperHeading({
    db,
    patientId: visit.patientId,
    authorId: actor.id,
    locationId: visit.locationId,
    at: now,
  });
  return db.$transaction(async (tx) => {
    const letter = await tx.referralLetter.create({
      data: {
        patientId: visit.patientId,
        visitId: visit.id,
        authorId: actor.id,
        recipient: input.recipient,
        recipientAddress: input.recipientAddress,
        reason: input.reason,
        history: input.history,
        body: input.body,
        heading,
        createdAt: now,
      },
      select: { id: true },
    });
    await recordAuditEvent(tx, {
      actor,
      action: "referral-letter.written",
      targetType: "patient",
      targetId: visit.patientId,
      details: {
        patientId: visit.patientId,
        visitId: visit.id,
        referralLetterId: letter.id,
        urgency: input.urgency,
      },
    });
    return letter;
  });
}
