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
  const [takings, refunds, invoices, credit] = await Promise.all([
    db.payment.groupBy({
      by: ["method"],
      where: { locationId, takenAt: { gte: start, lt: end } },
      _sum: { amountMinor: true },
    }),
    db.$queryRaw<{ method: PaymentMethod; amount: bigint }[]>`
      SELECT r.method, SUM(r.amount_minor) AS amount
        FROM refunds r JOIN payments p ON p.id = r.payment_id
       WHERE p.location_id = ${locationId}::uuid AND r.refunded_at >= ${start} AND r.refunded_at < ${end}
       GROUP BY r.method`,
    db.invoice.findMany({
      where: { locationId, status: "ISSUED", issuedAt: { gte: start, lt: end } },
      orderBy: { number: "asc" },
      select: {
        id: true,
        number: true,
        kind: true,
        totalMinor: true,
        creditNote: { select: { id: true } },
        patient: { select: { firstName: true, lastName: true } },
      },
    }),
    db.paymentAllocation.findMany({
      where: { fromCredit: true, appliedAt: { gte: start, lt: end }, invoice: { locationId } },
      orderBy: { appliedAt: "asc" },
      select: {
        id: true,
        amountMinor: true,
        invoice: { select: { number: true, patient: { select: { firstName: true, lastName: true } } } },
      },
    }),
  ]);
  const takingsByMethod = zeroByMethod();
  for (const row of takings) takingsByMethod[row.method] = row._sum.amountMinor ?? 0;
  const refundsByMethod = zeroByMethod();
  for (const row of refunds) refundsByMethod[row.method] = Number(row.amount);
  const applied = await appliedTo(
    db,
    invoices.map((invoice) => invoice.id),
  );
  const creditApplied = credit.map((row) => ({
    allocationId: row.id,
    invoiceNumber: row.invoice.number ?? "",
    patientName: `${row.invoice.patient.firstName} ${row.invoice.patient.lastName}`,
    amountMinor: row.amountMinor,
  }));
  return {
    locationId,
    businessDate,
    takingsByMethod,
    refundsByMethod,
    takingsMinor: sum(Object.values(takingsByMethod)),
    refundsMinor: sum(Object.values(refundsByMethod)),
    expectedCashMinor: takingsByMethod.CASH - refundsByMethod.CASH,
    invoices: invoices.map((invoice) => {
      const paid = applied.get(`${invoice.id}:false`) ?? 0;
      const fromCredit = applied.get(`${invoice.id}:true`) ?? 0;
      return {
        invoiceId: invoice.id,
        number: invoice.number ?? "",
        kind: invoice.kind,
        patientName: `${invoice.patient.firstName} ${invoice.patient.lastName}`,
        totalMinor: invoice.totalMinor,
        paidMinor: paid,
        creditAppliedMinor: fromCredit,
        balanceMinor: invoice.totalMinor - paid - fromCredit,
        voided: invoice.creditNote !== null,
      };
    }),
    creditApplied,
    creditAppliedMinor: sum(creditApplied.map((row) => row.amountMinor)),
  };
}

/** What was applied to each invoice, keyed "<id>:<fromCredit>". */
async function appliedTo(db: Reader, invoiceIds: string[]): Promise<Map<string, number>> {
  if (invoiceIds.length === 0) return new Map();
  const rows = await db.paymentAllocation.groupBy({
    by: ["invoiceId", "fromCredit"],
    where: { invoiceId: { in: invoiceIds } },
    _sum: { amountMinor: true },
  });
  return new Map(rows.map((row) => [`${row.invoiceId}:${row.fromCredit}`, row._sum.amountMinor ?? 0]));
}

const sum = (values: number[]) => values.reduce((total, value) => total + value, 0);
