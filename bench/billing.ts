// npm run bench:billing [-- --invoices 50000 --payments 80000 --runs 30]: the billing reports on a
// clinic with a year of invoices and payments written in bulk with SQL, medians and p95.
import { parseArgs } from "node:util";
import { findInvoiceBalances, findPatientAccount } from "../lib/billing/balances";
import { findDayFigures } from "../lib/billing/reports/day-figures";
import { findOutstandingBalances } from "../lib/billing/reports/outstanding";
import { addDays, localDateOf } from "../lib/clinic/time";
import { openClinicClient } from "../lib/tenancy/clinic-client";
import { ClinicDatabaseService } from "../lib/tenancy/clinic-database-service";
import { createPlatformFixture } from "../lib/testing/platform-fixture";
import { machineLine, median, percentile, startBenchServer } from "./lib/bench-server";

const { values } = parseArgs({
  options: {
    invoices: { type: "string", default: "50000" },
    payments: { type: "string", default: "80000" },
    patients: { type: "string", default: "8000" },
    runs: { type: "string", default: "30" },
  },
});
const invoices = Number(values.invoices);
const payments = Number(values.payments);
const patients = Number(values.patients);
const runs = Number(values.runs);
const TZ = "Europe/London";
process.env.TENANT_SECRETS_KEY ??= Buffer.alloc(32, 7).toString("base64");
// The bulk inserts of the generator take longer than a request's query may.
process.env.DB_QUERY_TIMEOUT_MS ??= "300000";

async function time(label: string, work: () => Promise<unknown>) {
  await work(); // warm-up
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const started = performance.now();
    await work();
    samples.push(performance.now() - started);
  }
  console.log(
    `  ${label.padEnd(52)} p50 ${median(samples).toFixed(1).padStart(6)} ms   p95 ${percentile(samples, 95).toFixed(1).padStart(6)} ms`,
  );
}

const server = await startBenchServer();
console.log(`billing with ${invoices} invoices, ${payments} payments on ${server.kind}; ${machineLine()}`);
const platform = await createPlatformFixture(server.adminUrl, { label: "bench" });
let close = async () => {};
try {
  await new ClinicDatabaseService({ central: platform.central, env: platform.env }).provisionClinic({
    name: "Bench Clinic",
    subdomain: "bench",
    ownerId: platform.owner.id,
    timezone: TZ,
  });
  // A client of the clinic's own for the whole run: a request's database budget is per request.
  const client = await openClinicClient({ central: platform.central, subdomain: "bench" });
  close = () => client.close();
  const db = client.db;
  {
    const started = performance.now();
    const staff = await db.staffUser.create({
      data: { email: "billing@bench.test", name: "Bill Ing", role: "BILLING", passwordHash: "!" },
    });
    const main = await db.location.create({ data: { name: "Main bench", isMain: true } });
    const north = await db.location.create({ data: { name: "North bench" } });
    await db.$executeRaw`
      INSERT INTO patients (id, first_name, last_name, date_of_birth, updated_at)
      SELECT gen_random_uuid(), 'Pat', 'Bench' || n, DATE '1960-01-01' + (n % 20000), now()
        FROM generate_series(1, ${patients}) n`;
    // Invoices issued over the past year, every fiftieth at the second location; totals 100.00.
    // The tenant's role may not make temporary tables: numbered rows come from CTEs.
    await db.$executeRaw`
      WITH bench_patients AS (SELECT id, row_number() OVER (ORDER BY id) AS n FROM patients)
      INSERT INTO invoices (id, kind, status, number, patient_id, location_id, currency, prices_include_tax,
                            subtotal_minor, tax_minor, total_minor, issued_at, issued_by_id, snapshot, updated_at)
      SELECT gen_random_uuid(), 'INVOICE', 'ISSUED', 'INV-B-' || lpad(g.k::text, 7, '0'), p.id,
             CASE WHEN g.k % 50 = 0 THEN ${north.id}::uuid ELSE ${main.id}::uuid END, 'GBP', false,
             10000, 0, 10000, now() - ((${invoices} - g.k) * interval '365 days' / ${invoices}),
             ${staff.id}::uuid, '{}'::jsonb, now()
        FROM generate_series(1, ${invoices}) AS g(k) JOIN bench_patients p ON p.n = 1 + (g.k % ${patients})`;
    // Payments: one of 60.00 for every invoice, then a second of 40.00 for the older ones (paid in full).
    await db.$executeRaw`
      WITH bench_invoices AS (SELECT id, patient_id, location_id, issued_at, row_number() OVER (ORDER BY issued_at) AS n FROM invoices)
      INSERT INTO payments (id, receipt_number, patient_id, location_id, method, amount_minor, taken_by_id, taken_at)
      SELECT gen_random_uuid(), 'RCT-B-' || lpad(k::text, 7, '0'), i.patient_id, i.location_id,
             (ARRAY['CASH','CARD','CARD','BANK_TRANSFER','OTHER'])[1 + k % 5]::"PaymentMethod",
             CASE WHEN k <= ${invoices} THEN 6000 ELSE 4000 END, ${staff.id}::uuid,
             i.issued_at + interval '5 minutes' + CASE WHEN k > ${invoices} THEN interval '20 days' ELSE interval '0' END
        FROM generate_series(1, ${payments}) k
        JOIN bench_invoices i ON i.n = CASE WHEN k <= ${invoices} THEN k ELSE k - ${invoices} END
       WHERE i.issued_at + CASE WHEN k > ${invoices} THEN interval '20 days' ELSE interval '0' END < now()`;
    await db.$executeRaw`
      WITH bench_invoices AS (SELECT id, patient_id, location_id, issued_at, row_number() OVER (ORDER BY issued_at) AS n FROM invoices)
      INSERT INTO payment_allocations (id, payment_id, invoice_id, amount_minor, from_credit, applied_by_id, applied_at)
      SELECT gen_random_uuid(), pay.id, i.id, pay.amount_minor, (row_number() OVER () % 40 = 0), ${staff.id}::uuid, pay.taken_at
        FROM payments pay
        JOIN bench_invoices i ON i.n = CASE WHEN substr(pay.receipt_number, 7)::int <= ${invoices}
                                            THEN substr(pay.receipt_number, 7)::int
                                            ELSE substr(pay.receipt_number, 7)::int - ${invoices} END`;
    await db.$executeRaw`
      INSERT INTO refunds (id, payment_id, amount_minor, method, reason, refunded_by_id, refunded_at)
      SELECT gen_random_uuid(), id, 500, method, 'Bench refund', ${staff.id}::uuid, taken_at + interval '1 hour'
        FROM payments WHERE substr(receipt_number, 7)::int % 500 = 0`;
    await db.$executeRaw`ANALYZE`;
    const counts = await db.$queryRaw<{ invoices: bigint; payments: bigint; allocations: bigint }[]>`
      SELECT (SELECT count(*) FROM invoices) AS invoices, (SELECT count(*) FROM payments) AS payments,
             (SELECT count(*) FROM payment_allocations) AS allocations`;
    console.log(
      `  generated ${counts[0]?.invoices} invoices, ${counts[0]?.payments} payments, ${counts[0]?.allocations} allocations in ${((performance.now() - started) / 1000).toFixed(1)} s`,
    );

    const today = localDateOf(new Date(), TZ);
    const busy = addDays(today, -3);
    const patient = await db.patient.findFirstOrThrow({ where: { lastName: "Bench42" } });
    console.log("reports:");
    await time(`the day's figures (main location, ${busy})`, () =>
      findDayFigures({ db, locationId: main.id, businessDate: busy, timeZone: TZ }),
    );
    await time("outstanding balances with ageing, by amount, page 1", () =>
      findOutstandingBalances({ db, timeZone: TZ, sort: "amount", page: 1, pageSize: 50 }),
    );
    await time("outstanding balances with ageing, by age, page 20", () =>
      findOutstandingBalances({ db, timeZone: TZ, sort: "age", page: 20, pageSize: 50 }),
    );
    await time("a patient's account (findPatientAccount)", () => findPatientAccount(db, patient.id));
    await time("newest 50 issued invoices with their balances", async () => {
      const newest = await db.invoice.findMany({
        where: { status: "ISSUED" },
        orderBy: { issuedAt: "desc" },
        take: 50,
        select: { id: true, number: true, totalMinor: true, issuedAt: true },
      });
      return findInvoiceBalances(
        db,
        newest.map((invoice) => invoice.id),
      );
    });
  }
} finally {
  await close();
  await platform.cleanup();
  await server.stop();
}
