import type { TenantDb } from "@/lib/tenancy/tenant-db";

/** The invoice of an appointment as the front desk sees it at check-out. */
export type CheckoutInvoice = {
  invoiceId: string;
  number: string | null;
  draft: boolean;
  /** What is due: a draft's line totals, an issued invoice's balance. */
  dueMinor: number;
};

export type FrontDeskBilling = {
  currency: string;
  invoices: Record<string, CheckoutInvoice>;
  owedMinor: Record<string, number>;
  creditMinor: Record<string, number>;
};

/**
 * For Today: each appointment's open invoice (a draft, or an issued one neither voided nor paid)
 * and what each patient owes and holds as credit, in three grouped queries whatever the day's size.
 */
export async function findFrontDeskBilling(
  db: TenantDb,
  options: { appointmentIds: string[]; patientIds: string[] },
): Promise<FrontDeskBilling> {
  const { appointmentIds, patientIds } = options;
  const [settings, invoices, owed, credit] = await Promise.all([
    db.clinicSetting.findUniqueOrThrow({ where: { id: 1 }, select: { currency: true } }),
    db.$queryRaw<
      { id: string; appointment_id: string; number: string | null; status: string; due: number }[]
    >`
      SELECT i."id", i."appointment_id", i."number", i."status"::text AS status,
        (CASE WHEN i."status" = 'DRAFT'
          THEN COALESCE((SELECT SUM(l."total_minor") FROM "invoice_lines" l WHERE l."invoice_id" = i."id"), 0)
          ELSE i."total_minor" - COALESCE((SELECT t."applied_minor" FROM "invoice_applied_totals" t WHERE t."invoice_id" = i."id"), 0)
        END)::int AS due
      FROM "invoices" i
      WHERE i."appointment_id" = ANY(${appointmentIds}::uuid[]) AND i."kind" = 'INVOICE'
        AND NOT EXISTS (SELECT 1 FROM "invoices" c WHERE c."credited_invoice_id" = i."id")
      ORDER BY i."created_at"`,
    db.$queryRaw<{ patient_id: string; owed: number }[]>`
      SELECT i."patient_id", SUM(i."total_minor" - COALESCE(t."applied_minor", 0))::int AS owed
      FROM "invoices" i LEFT JOIN "invoice_applied_totals" t ON t."invoice_id" = i."id"
      WHERE i."patient_id" = ANY(${patientIds}::uuid[]) AND i."kind" = 'INVOICE' AND i."status" = 'ISSUED'
        AND NOT EXISTS (SELECT 1 FROM "invoices" c WHERE c."credited_invoice_id" = i."id")
      GROUP BY i."patient_id"`,
    db.$queryRaw<{ patient_id: string; credit: number }[]>`
      SELECT p."patient_id", SUM(p."amount_minor"
        - COALESCE((SELECT SUM(a."amount_minor") FROM "payment_allocations" a WHERE a."payment_id" = p."id"), 0)
        - COALESCE((SELECT SUM(r."amount_minor") FROM "refunds" r WHERE r."payment_id" = p."id"), 0))::int AS credit
      FROM "payments" p WHERE p."patient_id" = ANY(${patientIds}::uuid[])
      GROUP BY p."patient_id"`,
  ]);
  const open: Record<string, CheckoutInvoice> = {};
  for (const row of invoices) {
    if (row.status !== "DRAFT" && row.due <= 0) continue;
    open[row.appointment_id] = {
      invoiceId: row.id,
      number: row.number,
      draft: row.status === "DRAFT",
      dueMinor: row.due,
    };
  }
  return {
    currency: settings.currency,
    invoices: open,
    owedMinor: Object.fromEntries(
      owed.filter((row) => row.owed > 0).map((row) => [row.patient_id, row.owed]),
    ),
    creditMinor: Object.fromEntries(
      credit.filter((row) => row.credit > 0).map((row) => [row.patient_id, row.credit]),
    ),
  };
}
