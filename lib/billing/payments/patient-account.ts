import { findPatientAccount } from "@/lib/billing/balances";
import type { TenantDb } from "@/lib/tenancy/tenant-db";
import { findInvoiceBalances, type InvoiceState } from "../balances";

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
  payments: { id: string; receiptNumber: string; takenAt: Date; method: string; amountMinor: number }[];
};

/** The patient page's Account card: owed, credit, the last invoices and payments (receipts). */
export async function findAccountCard(db: TenantDb, patientId: string): Promise<AccountCard> {
  const [settings, account, invoices, payments] = await Promise.all([
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
      select: { id: true, receiptNumber: true, takenAt: true, method: true, amountMinor: true },
    }),
  ]);
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
    payments,
  };
}
