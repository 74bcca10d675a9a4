import type { Actor } from "@/lib/auth/actor";
import { recordAuditEvent } from "@/lib/clinic/audit";
import { AppError } from "@/lib/errors";
import type { TenantDb } from "@/lib/tenancy/tenant-db";
import { type PrescriptionLineValues, prescriptionLineSchema } from "@/lib/validations/prescriptions";
import { lineColumnsOf } from "./drafts";

export type Favourite = { id: string; label: string; line: PrescriptionLineValues };

/**
 * A doctor's own favourites, by label. A stored line that no longer parses (the line schema
 * changed since) is left out rather than filled into a form half-understood.
 */
export async function findFavourites(options: { db: TenantDb; ownerId: string }): Promise<Favourite[]> {
  const rows = await options.db.medicationFavourite.findMany({
    where: { ownerId: options.ownerId },
    orderBy: { label: "asc" },
  });
  return rows.flatMap((row) => {
    const parsed = prescriptionLineSchema.safeParse(row.line);
    return parsed.success ? [{ id: row.id, label: row.label, line: parsed.data }] : [];
  });
}

/** Saves a line as one of the doctor's favourites; a label is theirs once (whatever its case). */
export async function saveFavourite(options: {
  db: TenantDb;
  actor: Actor;
  label: string;
  line: PrescriptionLineValues;
}): Promise<{ favouriteId: string }> {
  const { db, actor, label, line } = options;
  const taken = await db.$queryRaw<{ id: string }[]>`
    SELECT id FROM medication_favourites WHERE owner_id = ${actor.id}::uuid AND lower(label) = lower(${label})`;
  if (taken.length > 0)
    throw new AppError("CONFLICT", "You already have a favourite with this name.", {
      label: "You already have a favourite with this name: choose another.",
    });
  return db.$transaction(async (tx) => {
    const favourite = await tx.medicationFavourite.create({
      data: { ownerId: actor.id, label, line: lineColumnsOf(line) },
    });
    await recordAuditEvent(tx, {
      actor,
      action: "favourite.saved",
      targetType: "favourite",
      targetId: favourite.id,
      details: {},
    });
    return { favouriteId: favourite.id };
  });
}

/** Deletes one of the doctor's own favourites (another doctor's is not found). */
export async function deleteFavourite(options: {
  db: TenantDb;
  actor: Actor;
  favouriteId: string;
}): Promise<{ favouriteId: string }> {
  const { db, actor, favouriteId } = options;
  return db.$transaction(async (tx) => {
    const removed = await tx.medicationFavourite.deleteMany({
      where: { id: favouriteId, ownerId: actor.id },
    });
    if (removed.count === 0) throw new AppError("NOT_FOUND", "No such favourite of yours.");
    await recordAuditEvent(tx, {
      actor,
      action: "favourite.deleted",
      targetType: "favourite",
      targetId: favouriteId,
      details: {},
    });
    return { favouriteId };
  });
}
