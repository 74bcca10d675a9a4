import type { Actor } from "@/lib/auth/actor";
import { minorToInput } from "@/lib/billing/money-input";
import { recordAuditEvent } from "@/lib/clinic/audit";
import { AppError } from "@/lib/errors";
import type { TenantDb } from "@/lib/tenancy/tenant-db";
import { toCsv } from "./csv";
import { type DayFigures, findDayFigures, PAYMENT_METHODS } from "./day-figures";

export const LOCATION_NOT_FOUND = "This location could not be found. Reload the page and pick one.";

/** The day's figures as rows a spreadsheet opens: sections one after the other, amounts as decimals. */
export function dayFiguresCsv(figures: DayFigures, currency: string, locationName: string): string {
  const money = (minor: number) => minorToInput(minor, currency);
  const rows: (string | number | null)[][] = [
    ["Location", locationName],
    ["Business date", figures.businessDate],
    ["Currency", currency],
    [],
    ["Method", "Taken", "Refunded", "Net"],
    ...PAYMENT_METHODS.map((method) => [
      method,
      money(figures.takingsByMethod[method]),
      money(figures.refundsByMethod[method]),
      money(figures.takingsByMethod[method] - figures.refundsByMethod[method]),
    ]),
    [
      "Total",
      money(figures.takingsMinor),
      money(figures.refundsMinor),
      money(figures.takingsMinor - figures.refundsMinor),
    ],
    ["Expected cash", money(figures.expectedCashMinor)],
    [],
    ["Invoice", "Kind", "Patient", "Total", "Paid", "Credit applied", "Balance", "Voided"],
    ...figures.invoices.map((invoice) => [
      invoice.number,
      invoice.kind,
      invoice.patientName,
      money(invoice.totalMinor),
      money(invoice.paidMinor),
      money(invoice.creditAppliedMinor),
      money(invoice.balanceMinor),
      invoice.voided ? "yes" : "no",
    ]),
    [],
    ["Credit applied (not takings)", "Patient", "Amount"],
    ...figures.creditApplied.map((row) => [row.invoiceNumber, row.patientName, money(row.amountMinor)]),
    ["Total credit applied", "", money(figures.creditAppliedMinor)],
  ];
  return toCsv(rows);
}

/** The day's figures for a location as a CSV file; the export is audited (it lists patients' names). */
export async function exportDayCsv(options: {
  db: TenantDb;
  actor: Actor;
  locationId: string;
  businessDate: string;
}): Promise<{ fileName: string; text: string }> {
  const { db, actor, locationId, businessDate } = options;
  const [settings, location] = await Promise.all([
    db.clinicSetting.findUniqueOrThrow({ where: { id: 1 }, select: { timezone: true, currency: true } }),
    db.location.findUnique({ where: { id: locationId }, select: { name: true } }),
  ]);
  if (!location) throw new AppError("NOT_FOUND", LOCATION_NOT_FOUND);
  const figures = await findDayFigures({ db, locationId, businessDate, timeZone: settings.timezone });
  await recordAuditEvent(db, {
    actor,
    action: "day.exported",
    targetType: "location",
    targetId: locationId,
    details: { locationId, businessDate },
  });
  return {
    fileName: `day-${businessDate}.csv`,
    text: dayFiguresCsv(figures, settings.currency, location.name),
  };
}
