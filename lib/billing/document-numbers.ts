import type { Prisma } from "@/lib/generated/tenant/client";

export type NumberSeries = "INV" | "CRN" | "RCT";

/**
 * The next number of a gapless series for the year (in the clinic's time zone), e.g.
 * INV-2026-000123: the counter row is moved on inside the caller's transaction and locked until it
 * ends, so numbers are handed out in order, and a transaction that fails gives its number back
 * (a sequence would not: its values are never rolled back).
 */
export async function takeDocumentNumber(
  tx: Prisma.TransactionClient,
  series: NumberSeries,
  year: number,
): Promise<string> {
  const [row] = await tx.$queryRaw<[{ taken: number }]>`
    INSERT INTO "document_counters" ("series", "year", "next") VALUES (${series}, ${year}, 2)
    ON CONFLICT ("series", "year") DO UPDATE SET "next" = "document_counters"."next" + 1
    RETURNING "next" - 1 AS taken`;
  return `${series}-${year}-${String(row.taken).padStart(6, "0")}`;
}
