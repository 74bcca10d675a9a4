import { Prisma } from "@/lib/generated/tenant/client";
import type { TenantDb } from "@/lib/tenancy/tenant-db";
import { clinicToday } from "./business-day";

export type OutstandingSort = "amount" | "age";

export type AgeingBuckets = {
  days0to30Minor: number;
  days31to60Minor: number;
  days61to90Minor: number;
  days91plusMinor: number;
};

export type OutstandingRow = AgeingBuckets & {
  patientId: string;
  patientName: string;
  mrn: string;
  owedMinor: number;
  invoiceCount: number;
  /** Days since the oldest unpaid invoice was issued (clinic-local dates). */
  oldestDays: number;
};

export type OutstandingPage = {
  rows: OutstandingRow[];
  /** Patients who owe anything, over every page. */
  patientCount: number;
  totals: AgeingBuckets & { owedMinor: number };
  today: string;
};

type Aggregate = {
  patient_id: string;
  first_name: string;
  last_name: string;
  mrn: string;
  owed: bigint;
  b0: bigint;
  b31: bigint;
  b61: bigint;
  b91: bigint;
  invoices: bigint;
  oldest: number;
  patients: bigint;
  all_owed: bigint;
  all_b0: bigint;
  all_b31: bigint;
  all_b61: bigint;
  all_b91: bigint;
};

/**
 * Who owes what, aged by each open invoice's issue date in the clinic's time zone (0–30, 31–60,
 * 61–90, 91+ days), in one aggregate query: a page of patients plus the totals over all of them.
 */
export async function findOutstandingBalances(options: {
  db: TenantDb;
  timeZone: string;
  sort: OutstandingSort;
  page: number;
  pageSize: number;
  now?: Date;
}): Promise<OutstandingPage> {
  const { db, timeZone, sort, page, pageSize } = options;
  const today = clinicToday(timeZone, options.now);
  const offset = (page - 1) * pageSize;
  const rows = await db.$queryRaw<Aggregate[]>(
    outstandingSelect({ today, timeZone, order: ORDERS[sort], limit: pageSize, offset }),
  );
  const first = rows[0];
  const totals = first
    ? {
        owedMinor: Number(first.all_owed),
        days0to30Minor: Number(first.all_b0),
        days31to60Minor: Number(first.all_b31),
        days61to90Minor: Number(first.all_b61),
        days91plusMinor: Number(first.all_b91),
      }
    : { owedMinor: 0, days0to30Minor: 0, days31to60Minor: 0, days61to90Minor: 0, days91plusMinor: 0 };
  return {
    today,
    patientCount: first ? Number(first.patients) : await countWhenPastTheEnd(db, today, timeZone, page),
    totals,
    rows: rows.map((row) => ({
      patientId: row.patient_id,
      patientName: `${row.first_name} ${row.last_name}`,
      mrn: row.mrn,
      owedMinor: Number(row.owed),
      invoiceCount: Number(row.invoices),
      oldestDays: row.oldest,
      days0to30Minor: Number(row.b0),
      days31to60Minor: Number(row.b31),
      days61to90Minor: Number(row.b61),
      days91plusMinor: Number(row.b91),
    })),
  };
}

/** A page past the last one still says how many patients owe, so the pager can step back. */
async function countWhenPastTheEnd(db: TenantDb, today: string, timeZone: string, page: number) {
  if (page === 1) return 0;
  const [row] = await db.$queryRaw<Aggregate[]>(
    outstandingSelect({ today, timeZone, order: ORDERS.amount, limit: 1, offset: 0 }),
  );
  return row ? Number(row.patients) : 0;
}

// ORDER BY cannot take a parameter as a column: the two orders are two fixed texts.
const ORDERS: Record<OutstandingSort, Prisma.Sql> = {
  amount: Prisma.sql`owed DESC, oldest DESC, patient_id`,
  age: Prisma.sql`oldest DESC, owed DESC, patient_id`,
};

/**
 * Open invoices: issued, not credit notes, not voided by one, with something left to pay. Each
 * invoice is joined to its applied total (kept by the database, no allocation is summed); the page
 * is cut before the patients' names are joined.
 */
function outstandingSelect(options: {
  today: string;
  timeZone: string;
  order: Prisma.Sql;
  limit: number;
  offset: number;
}) {
  const { today, timeZone, order } = options;
  return Prisma.sql`
    WITH open AS (
      SELECT i.patient_id,
             i.total_minor - COALESCE(a.applied_minor, 0) AS balance,
             (${today}::date - (i.issued_at AT TIME ZONE ${timeZone})::date) AS age
        FROM invoices i
        LEFT JOIN invoice_applied_totals a ON a.invoice_id = i.id
       WHERE i.kind = 'INVOICE' AND i.status = 'ISSUED'
         AND NOT EXISTS (SELECT 1 FROM invoices c WHERE c.credited_invoice_id = i.id)
    ), owing AS (
      SELECT patient_id,
             SUM(balance) AS owed,
             COALESCE(SUM(balance) FILTER (WHERE age <= 30), 0) AS b0,
             COALESCE(SUM(balance) FILTER (WHERE age BETWEEN 31 AND 60), 0) AS b31,
             COALESCE(SUM(balance) FILTER (WHERE age BETWEEN 61 AND 90), 0) AS b61,
             COALESCE(SUM(balance) FILTER (WHERE age > 90), 0) AS b91,
             COUNT(*) AS invoices,
             MAX(age)::int AS oldest
        FROM open WHERE balance > 0 GROUP BY patient_id
    ), page AS (
      SELECT owing.*, COUNT(*) OVER () AS patients,
             SUM(owed) OVER () AS all_owed, SUM(b0) OVER () AS all_b0, SUM(b31) OVER () AS all_b31,
             SUM(b61) OVER () AS all_b61, SUM(b91) OVER () AS all_b91
        FROM owing ORDER BY ${order} LIMIT ${options.limit} OFFSET ${options.offset}
    )
    SELECT page.*, p.first_name, p.last_name, p.mrn FROM page JOIN patients p ON p.id = page.patient_id
     ORDER BY ${order}`;
}
