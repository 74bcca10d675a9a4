import type { Prisma } from "@/lib/generated/tenant/client";
import type { PaymentMethod } from "@/lib/generated/tenant/enums";
import type { TenantDb } from "@/lib/tenancy/tenant-db";
import { dayBoundsOf } from "./business-day";

type Reader = TenantDb | Prisma.TransactionClient;

export const PAYMENT_METHODS: PaymentMethod[] = ["CASH", "CARD", "BANK_TRANSFER", "OTHER"];

export type MethodTotals = Record<PaymentMethod, number>;

export type DayInvoice = {
  invoiceId: string;
  number: string;
  kind: "INVOICE" | "CREDIT_NOTE";
  patientName: string;
  totalMinor: number;
  /** Applied from payments (a voided invoice's reversal counts back). */
  paidMinor: number;
  creditAppliedMinor: number;
  /** total = paid + credit applied + balance, always (a credit note's total and balance are negative). */
  balanceMinor: number;
  voided: boolean;
};

export type DayCreditApplied = {
  allocationId: string;
  invoiceNumber: string;
  patientName: string;
  amountMinor: number;
};

/** What a location took, gave back and issued on one clinic-local day. */
export type DayFigures = {
  locationId: string;
  businessDate: string;
  takingsByMethod: MethodTotals;
  refundsByMethod: MethodTotals;
  takingsMinor: number;
  refundsMinor: number;
  /** Cash taken − cash refunded: what the drawer should hold from the day. */
  expectedCashMinor: number;
  invoices: DayInvoice[];
  /** Credit a patient already had, applied today: not takings. */
  creditApplied: DayCreditApplied[];
  creditAppliedMinor: number;
};

type DayInvoiceRow = {
  id: string;
  number: string | null;
  kind: "INVOICE" | "CREDIT_NOTE";
  total_minor: number;
  first_name: string;
  last_name: string;
  voided: boolean;
  paid: number;
  from_credit: number;
};

const zeroByMethod = (): MethodTotals => ({ CASH: 0, CARD: 0, BANK_TRANSFER: 0, OTHER: 0 });

/**
 * The day's figures for a location and a business date in the clinic's time zone: payments taken by
 * method (credit applied from earlier payments is not takings), refunds by method, the expected cash,
 * the invoices issued that day and the credit applied that day, listed apart.
 */
export async function findDayFigures(options: {
  db: Reader;
  locationId: string;
  businessDate: string;
  timeZone: string;
}): Promise<DayFigures> {
  const { db, locationId, businessDate } = options;
  const { start, end } = dayBoundsOf(businessDate, options.timeZone);
  // Three statements, not eight: inside closeDay's transaction they run one after another.
  const [money, invoices, credit] = await Promise.all([
    db.$queryRaw<{ refund: boolean; method: PaymentMethod; amount: bigint }[]>`
      SELECT false AS refund, p.method, SUM(p.amount_minor) AS amount
        FROM payments p
       WHERE p.location_id = ${locationId}::uuid AND p.taken_at >= ${start} AND p.taken_at < ${end}
       GROUP BY p.method
      UNION ALL
      SELECT true, r.method, SUM(r.amount_minor)
        FROM refunds r JOIN payments p ON p.id = r.payment_id
       WHERE p.location_id = ${locationId}::uuid AND r.refunded_at >= ${start} AND r.refunded_at < ${end}
       GROUP BY r.method`,
    db.$queryRaw<DayInvoiceRow[]>`
      SELECT i.id, i.number, i.kind, i.total_minor, p.first_name, p.last_name,
             EXISTS (SELECT 1 FROM invoices c WHERE c.credited_invoice_id = i.id) AS voided,
             COALESCE(a.applied_minor - a.from_credit_minor, 0) AS paid,
             COALESCE(a.from_credit_minor, 0) AS from_credit
        FROM invoices i
        JOIN patients p ON p.id = i.patient_id
        LEFT JOIN invoice_applied_totals a ON a.invoice_id = i.id
       WHERE i.location_id = ${locationId}::uuid AND i.status = 'ISSUED'
         AND i.issued_at >= ${start} AND i.issued_at < ${end}
       ORDER BY i.number ASC`,
    db.$queryRaw<
      { id: string; amount_minor: number; number: string | null; first_name: string; last_name: string }[]
    >`
      SELECT a.id, a.amount_minor, i.number, p.first_name, p.last_name
        FROM payment_allocations a
        JOIN invoices i ON i.id = a.invoice_id
        JOIN patients p ON p.id = i.patient_id
       WHERE a.from_credit AND a.applied_at >= ${start} AND a.applied_at < ${end}
         AND i.location_id = ${locationId}::uuid
       ORDER BY a.applied_at ASC`,
  ]);
  const takingsByMethod = zeroByMethod();
  const refundsByMethod = zeroByMethod();
  for (const row of money) (row.refund ? refundsByMethod : takingsByMethod)[row.method] = Number(row.amount);
  const creditApplied = credit.map((row) => ({
    allocationId: row.id,
    invoiceNumber: row.number ?? "",
    patientName: `${row.first_name} ${row.last_name}`,
    amountMinor: row.amount_minor,
  }));
  return {
    locationId,
    businessDate,
    takingsByMethod,
    refundsByMethod,
    takingsMinor: sum(Object.values(takingsByMethod)),
    refundsMinor: sum(Object.values(refundsByMethod)),
    expectedCashMinor: takingsByMethod.CASH - refundsByMethod.CASH,
    invoices: invoices.map((invoice) => ({
      invoiceId: invoice.id,
      number: invoice.number ?? "",
      kind: invoice.kind,
      patientName: `${invoice.first_name} ${invoice.last_name}`,
      totalMinor: invoice.total_minor,
      paidMinor: invoice.paid,
      creditAppliedMinor: invoice.from_credit,
      balanceMinor: invoice.total_minor - invoice.paid - invoice.from_credit,
      voided: invoice.voided,
    })),
    creditApplied,
    creditAppliedMinor: sum(creditApplied.map((row) => row.amountMinor)),
  };
}

const sum = (values: number[]) => values.reduce((total, value) => total + value, 0);
