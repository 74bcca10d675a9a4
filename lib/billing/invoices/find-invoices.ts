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

const voided = Prisma.sql`EXISTS (SELECT 1 FROM "invoices" c WHERE c.credited_invoice_id = i.id)`;
// What was applied to each invoice (payments and credit, a void's reversal counted back), as the
// database keeps it: one row per invoice with allocations, none for an invoice with nothing applied.
const appliedTo = Prisma.sql`LEFT JOIN "invoice_applied_totals" a ON a.invoice_id = i.id`;

/** The SQL for a derived state: what findInvoiceBalances works out, as a filter on `i` and `a` (its applied total). */
function stateCondition(state: InvoiceState | undefined): Prisma.Sql {
  switch (state) {
    case "DRAFT":
      return Prisma.sql`i.kind = 'INVOICE' AND i.status = 'DRAFT'`;
    case "CREDIT_NOTE":
      return Prisma.sql`i.kind = 'CREDIT_NOTE'`;
    case "VOID":
      return Prisma.sql`i.kind = 'INVOICE' AND ${voided}`;
    case "PAID":
      return Prisma.sql`i.kind = 'INVOICE' AND i.status = 'ISSUED' AND NOT ${voided} AND coalesce(a.applied_minor, 0) >= i.total_minor`;
    case "PARTLY_PAID":
      return Prisma.sql`i.kind = 'INVOICE' AND i.status = 'ISSUED' AND NOT ${voided} AND coalesce(a.applied_minor, 0) > 0 AND coalesce(a.applied_minor, 0) < i.total_minor`;
    case "UNPAID":
      return Prisma.sql`i.kind = 'INVOICE' AND i.status = 'ISSUED' AND NOT ${voided} AND coalesce(a.applied_minor, 0) <= 0 AND i.total_minor > 0`;
    default:
      return Prisma.sql`true`;
  }
}

/** States that depend on what was applied, so their filter joins the applied totals. */
const BY_APPLIED: (InvoiceState | undefined)[] = ["PAID", "PARTLY_PAID", "UNPAID"];

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
  const dates: Prisma.Sql[] = [];
  if (from)
    dates.push(Prisma.sql`coalesce(i.issued_at, i.created_at) >= ${zonedTimeToUtc(from, 0, timeZone)}`);
  if (to)
    dates.push(
      Prisma.sql`coalesce(i.issued_at, i.created_at) < ${zonedTimeToUtc(addDays(to, 1), 0, timeZone)}`,
    );
  const where = Prisma.join([stateCondition(state), ...dates], " AND ");
  const byApplied = BY_APPLIED.includes(state);
  // The page's ids first (the expression index on the date walks newest first and stops at the page),
  // then the names and balances of those 25 alone.
  const rowsQuery = db.$queryRaw<RawRow[]>`
    WITH page AS (
      SELECT i.id, coalesce(i.issued_at, i.created_at) AS date
        FROM "invoices" i ${byApplied ? appliedTo : Prisma.empty}
       WHERE ${where}
       ORDER BY coalesce(i.issued_at, i.created_at) DESC, i.id DESC
       LIMIT ${INVOICE_PAGE_SIZE} OFFSET ${(page - 1) * INVOICE_PAGE_SIZE}
    )
    SELECT i.id, i.number, i.kind, i.status, page.date, p.first_name, p.last_name, i.bill_to, i.bill_to_name,
           i.total_minor, i.currency, coalesce(a.applied_minor, 0) AS applied, ${voided} AS voided
      FROM page JOIN "invoices" i ON i.id = page.id JOIN "patients" p ON p.id = i.patient_id ${appliedTo}
     ORDER BY page.date DESC, page.id DESC`;
  // Counting by a derived state joins each invoice to its applied total: no allocation is summed.
  const countQuery = db.$queryRaw<[{ count: number }]>`
    SELECT count(*)::int AS count FROM "invoices" i ${byApplied ? appliedTo : Prisma.empty} WHERE ${where}`;
  const [rows, [{ count }]] = await Promise.all([rowsQuery, countQuery]);
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
