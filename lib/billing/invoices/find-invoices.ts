import { addDays, zonedTimeToUtc } from "@/lib/clinic/time";
import { Prisma } from "@/lib/generated/tenant/client";
import type { TenantDb } from "@/lib/tenancy/tenant-db";
import type { InvoiceListQuery } from "@/lib/validations/invoices";
import type { InvoiceState } from "../balances";

export const INVOICE_PAGE_SIZE = 25;

export type InvoiceListRow = {
  id: string;
  number: string | null;
  kind: "INVOICE" | "CREDIT_NOTE";
  date: Date;
  patientName: string;
  billTo: string;
  totalMinor: number;
  balanceMinor: number;
  currency: string;
  state: InvoiceState;
};

type RawRow = {
  id: string;
  number: string | null;
  kind: "INVOICE" | "CREDIT_NOTE";
  status: "DRAFT" | "ISSUED";
  date: Date;
  first_name: string;
  last_name: string;
  bill_to: "PATIENT" | "THIRD_PARTY";
  bill_to_name: string | null;
  total_minor: number;
  currency: string;
  applied: number;
  voided: boolean;
};

/** The SQL for a derived state: what findInvoiceBalances works out, as a filter. */
function stateCondition(state: InvoiceState | undefined): Prisma.Sql {
  switch (state) {
    case "DRAFT":
      return Prisma.sql`i.kind = 'INVOICE' AND i.status = 'DRAFT'`;
    case "CREDIT_NOTE":
      return Prisma.sql`i.kind = 'CREDIT_NOTE'`;
    case "VOID":
      return Prisma.sql`i.kind = 'INVOICE' AND c.id IS NOT NULL`;
    case "PAID":
      return Prisma.sql`i.kind = 'INVOICE' AND i.status = 'ISSUED' AND c.id IS NULL AND coalesce(a.applied, 0) >= i.total_minor`;
    case "PARTLY_PAID":
      return Prisma.sql`i.kind = 'INVOICE' AND i.status = 'ISSUED' AND c.id IS NULL AND coalesce(a.applied, 0) > 0 AND coalesce(a.applied, 0) < i.total_minor`;
    case "UNPAID":
      return Prisma.sql`i.kind = 'INVOICE' AND i.status = 'ISSUED' AND c.id IS NULL AND coalesce(a.applied, 0) <= 0 AND i.total_minor > 0`;
    default:
      return Prisma.sql`true`;
  }
}

function stateOf(row: RawRow): InvoiceState {
  if (row.kind === "CREDIT_NOTE") return "CREDIT_NOTE";
  if (row.status === "DRAFT") return "DRAFT";
  if (row.voided) return "VOID";
  if (row.applied >= row.total_minor) return "PAID";
  return row.applied > 0 ? "PARTLY_PAID" : "UNPAID";
}

/**
 * One page of the clinic's invoices and credit notes, newest first (by issue date, a draft by
 * when it was made), filtered by derived state and by clinic days; with the total count for paging.
 */
export async function findInvoices(
  db: TenantDb,
  options: InvoiceListQuery & { timeZone: string },
): Promise<{ rows: InvoiceListRow[]; total: number; pageSize: number }> {
  const { state, from, to, page, timeZone } = options;
  const conditions = [stateCondition(state)];
  if (from)
    conditions.push(Prisma.sql`coalesce(i.issued_at, i.created_at) >= ${zonedTimeToUtc(from, 0, timeZone)}`);
  if (to)
    conditions.push(
      Prisma.sql`coalesce(i.issued_at, i.created_at) < ${zonedTimeToUtc(addDays(to, 1), 0, timeZone)}`,
    );
  const where = Prisma.join(conditions, " AND ");
  const from_ = Prisma.sql`
    FROM "invoices" i
    JOIN "patients" p ON p.id = i.patient_id
    LEFT JOIN (SELECT invoice_id, sum(amount_minor)::int AS applied FROM "payment_allocations" GROUP BY invoice_id) a
      ON a.invoice_id = i.id
    LEFT JOIN "invoices" c ON c.credited_invoice_id = i.id
    WHERE ${where}`;
  const [rows, [{ count }]] = await Promise.all([
    db.$queryRaw<RawRow[]>`
      SELECT i.id, i.number, i.kind, i.status, coalesce(i.issued_at, i.created_at) AS date,
        p.first_name, p.last_name, i.bill_to, i.bill_to_name, i.total_minor, i.currency,
        coalesce(a.applied, 0) AS applied, c.id IS NOT NULL AS voided
      ${from_}
      ORDER BY coalesce(i.issued_at, i.created_at) DESC, i.id DESC
      LIMIT ${INVOICE_PAGE_SIZE} OFFSET ${(page - 1) * INVOICE_PAGE_SIZE}`,
    db.$queryRaw<[{ count: number }]>`SELECT count(*)::int AS count ${from_}`,
  ]);
  return {
    rows: rows.map((row) => {
      const state = stateOf(row);
      const patientName = `${row.first_name} ${row.last_name}`;
      return {
        id: row.id,
        number: row.number,
        kind: row.kind,
        date: row.date,
        patientName,
        billTo: row.bill_to === "THIRD_PARTY" ? (row.bill_to_name ?? "") : patientName,
        totalMinor: row.total_minor,
        balanceMinor: state === "UNPAID" || state === "PARTLY_PAID" ? row.total_minor - row.applied : 0,
        currency: row.currency,
        state,
      };
    }),
    total: count,
    pageSize: INVOICE_PAGE_SIZE,
  };
}
