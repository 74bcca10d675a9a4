import type { Actor } from "@/lib/auth/actor";
import { recordAuditEvent } from "@/lib/clinic/audit";
import { buildPaperHeading, type PaperHeading } from "@/lib/documents/paper-heading";
import type { Prisma } from "@/lib/generated/tenant/client";
import type { TenantDb } from "@/lib/tenancy/tenant-db";
import { findLetterVisit } from "./letter-visit";

/** What writing a letter is given: the doctor's confirmed input, and when (now unless a test says). */
export type WriteLetterOptions<Input> = { db: TenantDb; actor: Actor; input: Input; now?: Date };

/** The columns every letter from a visit shares. */
export type LetterColumns = {
  patientId: string;
  visitId: string;
  authorId: string;
  heading: PaperHeading;
  createdAt: Date;
};

/**
 * What writing any letter from a visit shares: the visit must be this patient's, the paper's
 * heading is fixed as it is now, and the letter is written in one transaction with its audit row,
 * filed under the patient. `check` runs once the visit is found, before anything is written.
 */
export async function writeVisitLetter(options: {
  db: TenantDb;
  actor: Actor;
  input: { visitId: string; patientId: string };
  now: Date;
  check?: () => Promise<void>;
  create: (tx: Prisma.TransactionClient, columns: LetterColumns) => Promise<{ id: string }>;
  audit: (id: string) => { action: string; details: Record<string, string | number | boolean | null> };
}): Promise<{ id: string }> {
  const { db, actor, now } = options;
  const visit = await findLetterVisit({
    db,
    visitId: options.input.visitId,
    patientId: options.input.patientId,
  });
  await options.check?.();
  const heading = await buildPaperHeading({
    db,
    patientId: visit.patientId,
    authorId: actor.id,
    locationId: visit.locationId,
    at: now,
  });
  return db.$transaction(async (tx) => {
    const letter = await options.create(tx, {
      patientId: visit.patientId,
      visitId: visit.id,
      authorId: actor.id,
      heading,
      createdAt: now,
    });
    const { action, details } = options.audit(letter.id);
    await recordAuditEvent(tx, {
      actor,
      action,
      targetType: "patient",
      targetId: visit.patientId,
      details: { patientId: visit.patientId, visitId: visit.id, ...details },
    });
    return letter;
  });
}
