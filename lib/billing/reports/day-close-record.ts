import type { TenantDb } from "@/lib/tenancy/tenant-db";

export type DayCloseRecord = {
  closedBy: string;
  closedAt: Date;
  expectedCashMinor: number;
  countedCashMinor: number;
  differenceMinor: number;
  note: string | null;
};

/** How a location's day was closed, if it was. */
export async function findDayClose(options: {
  db: TenantDb;
  locationId: string;
  businessDate: string;
}): Promise<DayCloseRecord | null> {
  const row = await options.db.dayClose.findUnique({
    where: {
      locationId_businessDate: {
        locationId: options.locationId,
        businessDate: new Date(`${options.businessDate}T00:00:00Z`),
      },
    },
  });
  if (!row) return null;
  const closer = await options.db.staffUser.findUnique({
    where: { id: row.closedById },
    select: { name: true },
  });
  return {
    closedBy: closer?.name ?? "a former member of staff",
    closedAt: row.closedAt,
    expectedCashMinor: row.expectedCashMinor,
    countedCashMinor: row.countedCashMinor,
    differenceMinor: row.differenceMinor,
    note: row.note,
  };
}
