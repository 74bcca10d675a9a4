import type { TenantDb } from "@/lib/tenancy/tenant-db";
import { nameKey } from "./allergy-match";

/**
 * Names the editor suggests as the doctor types: their favourites' names first, then the clinic's
 * most prescribed names on signed prescriptions; each name once.
 */
export async function findMedicationSuggestions(options: {
  db: TenantDb;
  favouriteNames: string[];
  limit?: number;
}): Promise<string[]> {
  const { db, favouriteNames, limit = 200 } = options;
  const prescribed = await db.prescriptionLine.groupBy({
    by: ["medicationName"],
    where: { status: { notIn: ["DRAFT", "ENTERED_IN_ERROR"] } },
    _count: { _all: true },
    orderBy: [{ _count: { medicationName: "desc" } }, { medicationName: "asc" }],
    take: limit,
  });
  const seen = new Set<string>();
  const names: string[] = [];
  for (const name of [...favouriteNames, ...prescribed.map((row) => row.medicationName)]) {
    const key = nameKey(name);
    if (!key || seen.has(key)) continue;
    seen.add(key);
    names.push(name);
  }
  return names;
}
