import type { TenantDb } from "../../lib/tenancy/tenant-db";

export type BillingVolume = { invoices: number; payments: number; patients: number; days: number };

/**
 * A clinic's billing history written in bulk with SQL, spread over `days` (two years by default) and a
 * few thousand patients. Each invoice's fate comes from r = (k × 37) mod 100: 2 % paid then voided by a
 * credit note (its payment goes back to credit; half of those refunded), 4 % unpaid, 6 % part paid,
 * 4 % paid from credit (a deposit taken ten days before, applied at issue), a share paid in two
 * payments (40 % at the desk, the rest two weeks later) sized to reach `payments`, the rest paid in
 * full at the desk. Every fiftieth invoice is at the second location; a few drafts are open today.
 * The tenant's role may not make temporary tables: numbered rows come from CTEs.
 */
export async function generateBillingHistory(options: {
  db: TenantDb;
  volume: BillingVolume;
  staffId: string;
  mainId: string;
  northId: string;
}) {
  const { db, staffId, mainId, northId } = options;
  const { invoices, payments, patients, days } = options.volume;
  // Payments so far: one for every invoice but the unpaid 4 %; the two-payment share makes up the rest.
  const twoPaymentShare = Math.max(
    0,
    Math.min(84, Math.round(((payments - 0.96 * invoices) / invoices) * 100)),
  );
  await db.$executeRaw`
    INSERT INTO patients (id, first_name, last_name, date_of_birth, updated_at)
    SELECT gen_random_uuid(), 'Pat', 'Bench' || n, DATE '1960-01-01' + (n % 20000), now()
      FROM generate_series(1, ${patients}) n`;
  await db.$executeRaw`
    WITH bench_patients AS (SELECT id, row_number() OVER (ORDER BY id) AS n FROM patients),
    g AS (SELECT k, ((${invoices} - k)::bigint * ${days}) / ${invoices} AS d FROM generate_series(1, ${invoices}) k)
    INSERT INTO invoices (id, kind, status, number, patient_id, location_id, currency, prices_include_tax,
                          subtotal_minor, tax_minor, total_minor, issued_at, issued_by_id, snapshot, updated_at)
    SELECT gen_random_uuid(), 'INVOICE', 'ISSUED', 'INV-B-' || lpad(g.k::text, 7, '0'), p.id,
           CASE WHEN g.k % 50 = 0 THEN ${northId}::uuid ELSE ${mainId}::uuid END, 'GBP', false,
           4000 + (g.k % 12) * 1000, 0, 4000 + (g.k % 12) * 1000,
           LEAST(date_trunc('day', now()) - g.d * interval '1 day' + interval '8 hours'
                   + ((g.k * 7919) % 600) * interval '1 minute', now() - interval '1 minute'),
           ${staffId}::uuid, '{}'::jsonb, now()
      FROM g JOIN bench_patients p ON p.n = 1 + (g.k * 7) % ${patients}`;
  // Payments and their allocations in one statement: a data-modifying CTE hands back the new ids.
  await db.$executeRaw`
    WITH fate AS (
      SELECT i.*, substr(i.number, 7)::int AS k, (substr(i.number, 7)::int * 37) % 100 AS r
        FROM invoices i WHERE i.kind = 'INVOICE' AND i.status = 'ISSUED'
    ), src AS (
      SELECT f.id AS invoice_id, f.patient_id, f.location_id, 'RCT-B-' || f.k || '-1' AS receipt,
             (ARRAY['CASH','CARD','CARD','BANK_TRANSFER','OTHER'])[1 + f.k % 5]::"PaymentMethod" AS method,
             CASE WHEN f.r BETWEEN 6 AND 11 THEN f.total_minor * 6 / 10
                  WHEN f.r >= 16 AND f.r < 16 + ${twoPaymentShare} THEN f.total_minor * 4 / 10
                  ELSE f.total_minor END AS amount,
             CASE WHEN f.r BETWEEN 12 AND 15 THEN f.issued_at - interval '10 days'
                  ELSE f.issued_at + interval '5 minutes' END AS taken_at,
             f.r BETWEEN 12 AND 15 AS from_credit, f.issued_at + interval '5 minutes' AS applied_at
        FROM fate f WHERE f.r < 2 OR f.r >= 6
      UNION ALL
      SELECT f.id, f.patient_id, f.location_id, 'RCT-B-' || f.k || '-2', 'BANK_TRANSFER',
             f.total_minor - f.total_minor * 4 / 10, f.issued_at + interval '14 days', false,
             f.issued_at + interval '14 days'
        FROM fate f WHERE f.r >= 16 AND f.r < 16 + ${twoPaymentShare} AND f.issued_at + interval '14 days' < now()
    ), paid AS (
      INSERT INTO payments (id, receipt_number, patient_id, location_id, method, amount_minor, taken_by_id, taken_at)
      SELECT gen_random_uuid(), receipt, patient_id, location_id, method, amount, ${staffId}::uuid, taken_at FROM src
      RETURNING id, receipt_number
    )
    INSERT INTO payment_allocations (id, payment_id, invoice_id, amount_minor, from_credit, applied_by_id, applied_at)
    SELECT gen_random_uuid(), paid.id, src.invoice_id, src.amount, src.from_credit, ${staffId}::uuid, src.applied_at
      FROM paid JOIN src ON src.receipt = paid.receipt_number`;
  // Voids two days after issue: a credit note, and what was paid goes back to credit (a negative allocation).
  await db.$executeRaw`
    INSERT INTO invoices (id, kind, status, number, patient_id, location_id, credited_invoice_id, currency,
                          prices_include_tax, subtotal_minor, tax_minor, total_minor, issued_at, issued_by_id,
                          snapshot, note, updated_at)
    SELECT gen_random_uuid(), 'CREDIT_NOTE', 'ISSUED', 'CRN-B-' || substr(i.number, 7), i.patient_id, i.location_id,
           i.id, 'GBP', false, -i.subtotal_minor, 0, -i.total_minor, i.issued_at + interval '2 days',
           ${staffId}::uuid, '{}'::jsonb, 'Bench void', now()
      FROM invoices i
     WHERE i.kind = 'INVOICE' AND (substr(i.number, 7)::int * 37) % 100 < 2 AND i.issued_at + interval '2 days' < now()`;
  await db.$executeRaw`
    INSERT INTO payment_allocations (id, payment_id, invoice_id, amount_minor, from_credit, applied_by_id, applied_at)
    SELECT gen_random_uuid(), a.payment_id, a.invoice_id, -a.amount_minor, false, ${staffId}::uuid, c.issued_at
      FROM invoices c JOIN payment_allocations a ON a.invoice_id = c.credited_invoice_id
     WHERE c.kind = 'CREDIT_NOTE'`;
  await db.$executeRaw`
    INSERT INTO refunds (id, payment_id, amount_minor, method, reason, refunded_by_id, refunded_at)
    SELECT gen_random_uuid(), a.payment_id, -a.amount_minor, p.method, 'Bench refund', ${staffId}::uuid,
           a.applied_at + interval '1 hour'
      FROM payment_allocations a JOIN payments p ON p.id = a.payment_id
     WHERE a.amount_minor < 0 AND substr(p.receipt_number, 7, length(p.receipt_number) - 8)::int % 2 = 0`;
  await db.$executeRaw`
    WITH bench_patients AS (SELECT id, row_number() OVER (ORDER BY id) AS n FROM patients)
    INSERT INTO invoices (id, kind, status, patient_id, location_id, currency, prices_include_tax,
                          subtotal_minor, tax_minor, total_minor, created_at, updated_at)
    SELECT gen_random_uuid(), 'INVOICE', 'DRAFT', p.id, ${mainId}::uuid, 'GBP', false, 6000, 0, 6000,
           now() - n * interval '5 minutes', now()
      FROM bench_patients p WHERE p.n <= 15`;
  await db.$executeRaw`ANALYZE`;
  const [counts] = await db.$queryRaw<Record<string, bigint>[]>`
    SELECT (SELECT count(*) FROM invoices WHERE kind = 'INVOICE') AS invoices,
           (SELECT count(*) FROM invoices WHERE kind = 'CREDIT_NOTE') AS credit_notes,
           (SELECT count(*) FROM payments) AS payments,
           (SELECT count(*) FROM payment_allocations) AS allocations,
           (SELECT count(*) FROM payment_allocations WHERE from_credit) AS from_credit,
           (SELECT count(*) FROM refunds) AS refunds`;
  return counts;
}
