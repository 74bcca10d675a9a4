import { findPatientAccount } from "@/lib/billing/balances";
import type { TenantDb } from "@/lib/tenancy/tenant-db";
import { findInvoiceBalances, type InvoiceState } from "../balances";
import { findUnappliedPayments } from "./unapplied-money";

export type AccountCard = {
  currency: string;
  owedMinor: number;
  creditMinor: number;
  invoices: {
    id: string;
    number: string | null;
    issuedAt: Date | null;
    totalMinor: number;
    balanceMinor: number;
    state: InvoiceState;
  }[];
  /** The last payments, and any older one still holding credit; `unappliedMinor` is what may be refunded. */
  payments: {
    id: string;
    receiptNumber: string;
    takenAt: Date;
    method: string;
    amountMinor: number;
    unappliedMinor: number;
  }[];
};

const paymentColumns = {
  id: true,
  receiptNumber: true,
  takenAt: true,
  method: true,
  amountMinor: true,
} as const;

/** The patient page's Account card: owed, credit, the last invoices and payments (receipts). */
export async function findAccountCard(db: TenantDb, patientId: string): Promise<AccountCard> {
  const [settings, account, invoices, recent, unapplied] = await Promise.all([
    db.clinicSetting.findUniqueOrThrow({ where: { id: 1 }, select: { currency: true } }),
    findPatientAccount(db, patientId),
    db.invoice.findMany({
      where: { patientId, kind: "INVOICE" },
      orderBy: { createdAt: "desc" },
      take: 5,
      select: { id: true, number: true, issuedAt: true },
    }),
    db.payment.findMany({
      where: { patientId },
      orderBy: { takenAt: "desc" },
      take: 5,
      select: paymentColumns,
    }),
    findUnappliedPayments(db, patientId),
  ]);
  const shown = new Set(recent.map((payment) => payment.id));
  const older = unapplied.filter((payment) => !shown.has(payment.id)).map((payment) => payment.id);
  const payments =
    older.length === 0
      ? recent
      : [
          ...recent,
          ...(await db.payment.findMany({
            where: { id: { in: older } },
            orderBy: { takenAt: "desc" },
            select: paymentColumns,
          })),
        ];
  const unappliedOf = new Map(unapplied.map((payment) => [payment.id, payment.unappliedMinor]));
  const balances = await findInvoiceBalances(
    db,
    invoices.map((invoice) => invoice.id),
  );
  return {
    currency: settings.currency,
    ...account,
    invoices: invoices.map((invoice) => {
      const balance = balances.get(invoice.id);
      return {
        ...invoice,
        totalMinor: balance?.totalMinor ?? 0,
        balanceMinor: balance?.balanceMinor ?? 0,
        state: balance?.state ?? "DRAFT",
      };
    }),
    payments: payments.map((payment) => ({ ...payment, unappliedMinor: unappliedOf.get(payment.id) ?? 0 })),
  };
}
