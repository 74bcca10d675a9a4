import type { TenantDb } from "@/lib/tenancy/tenant-db";

export type ReactionSeverity = "MILD" | "MODERATE" | "SEVERE";

/** What every page of a patient says about allergies: listed ones, "none known" as recorded, or not recorded yet. */
export type AllergyBanner =
  | {
      state: "listed";
      allergies: { id: string; substance: string; severity: ReactionSeverity | null; confirmed: boolean }[];
    }
  | { state: "none-known"; recordedAt: Date }
  | { state: "not-recorded" };

const SEVERITY_ORDER: ReactionSeverity[] = ["MILD", "MODERATE", "SEVERE"];

/** The worst severity among an allergy's reactions (stored as JSON: anything unreadable counts as none). */
export function worstSeverity(reactions: unknown): ReactionSeverity | null {
  if (!Array.isArray(reactions)) return null;
  let worst = -1;
  for (const reaction of reactions) {
    const severity = (reaction as { severity?: unknown } | null)?.severity;
    worst = Math.max(worst, SEVERITY_ORDER.indexOf(severity as ReactionSeverity));
  }
  return SEVERITY_ORDER[worst] ?? null;
}

/** Active allergies that are not refuted or entered in error; otherwise the "no known allergies" statement. */
export async function findAllergyBanner(options: {
  db: TenantDb;
  patientId: string;
}): Promise<AllergyBanner> {
  const { db, patientId } = options;
  const [allergies, patient] = await Promise.all([
    db.allergy.findMany({
      where: { patientId, status: "ACTIVE", verification: { in: ["CONFIRMED", "UNCONFIRMED"] } },
      select: { id: true, substance: true, reactions: true, verification: true },
      orderBy: { substance: "asc" },
    }),
    db.patient.findUnique({ where: { id: patientId }, select: { noKnownAllergiesAt: true } }),
  ]);
  if (allergies.length > 0) {
    return {
      state: "listed",
      allergies: allergies.map((allergy) => ({
        id: allergy.id,
        substance: allergy.substance,
        severity: worstSeverity(allergy.reactions),
        confirmed: allergy.verification === "CONFIRMED",
      })),
    };
  }
  if (patient?.noKnownAllergiesAt) return { state: "none-known", recordedAt: patient.noKnownAllergiesAt };
  return { state: "not-recorded" };
}
