// npm run bench:billing [-- --invoices 50000 --payments 80000 --patients 3000 --runs 30 --keep]: every
// billing target of issue 14 on one clinic with two years of invoices and payments written in bulk with
// SQL (bench/lib/billing-data.ts); medians, p95 and p95 over the target. --keep leaves the databases
// behind for EXPLAIN (the clinic database's name is printed).
import { parseArgs } from "node:util";
import pg from "pg";
import { findInvoiceBalances, findPatientAccount } from "../lib/billing/balances";
import { findInvoices } from "../lib/billing/invoices/find-invoices";
import { closeDay } from "../lib/billing/reports/close-day";
import { findDayFigures } from "../lib/billing/reports/day-figures";
import { findOutstandingBalances } from "../lib/billing/reports/outstanding";
import { addDays, localDateOf } from "../lib/clinic/time";
import { withDatabaseName } from "../lib/db/database-url";
import { openClinicClient } from "../lib/tenancy/clinic-client";
import { ClinicDatabaseService } from "../lib/tenancy/clinic-database-service";
import { createPlatformFixture } from "../lib/testing/platform-fixture";
import { machineLine, median, percentile, startBenchServer } from "./lib/bench-server";
import { generateBillingHistory } from "./lib/billing-data";

const { values } = parseArgs({
  options: {
    invoices: { type: "string", default: "50000" },
    payments: { type: "string", default: "80000" },
    patients: { type: "string", default: "3000" },
    days: { type: "string", default: "730" },
    runs: { type: "string", default: "30" },
    keep: { type: "boolean", default: false },
  },
});
const volume = {
  invoices: Number(values.invoices),
  payments: Number(values.payments),
  patients: Number(values.patients),
  days: Number(values.days),
};
const runs = Number(values.runs);
const TZ = "Europe/London";
process.env.TENANT_SECRETS_KEY ??= Buffer.alloc(32, 7).toString("base64");
// The bulk inserts of the generator take longer than a request's query may.
process.env.DB_QUERY_TIMEOUT_MS ??= "300000";

/** Times `work(run)` `runs` times after one warm-up (run -1); prints p50, p95 and p95 / target. */
async function time(label: string, targetMs: number | null, work: (run: number) => Promise<unknown>) {
  await work(-1);
  const samples: number[] = [];
  for (let run = 0; run < runs; run++) {
    const started = performance.now();
    await work(run);
    samples.push(performance.now() - started);
  }
  const p95 = percentile(samples, 95);
  const ratio = targetMs === null ? "" : `   ${(p95 / targetMs).toFixed(2)} × target ${targetMs} ms`;
  console.log(
    `  ${label.padEnd(58)} p50 ${median(samples).toFixed(1).padStart(6)} ms   p95 ${p95.toFixed(1).padStart(6)} ms${ratio}`,
  );
}

const server = await startBenchServer();
console.log(
  `billing with ${volume.invoices} invoices, ${volume.payments} payments, ${volume.patients} patients over ${volume.days} days on ${server.kind}; ${machineLine()}`,
);
const platform = await createPlatformFixture(server.adminUrl, { label: "bench" });
let close = async () => {};
try {
  const clinic = await new ClinicDatabaseService({
    central: platform.central,
    env: platform.env,
  }).provisionClinic({ name: "Bench Clinic", subdomain: "bench", ownerId: platform.owner.id, timezone: TZ });
  if (values.keep) console.log(`  keeping the databases; the clinic database: ${clinic.databaseName}`);
  // A client of the clinic's own for the whole run: a request's database budget is per request.
  const client = await openClinicClient({ central: platform.central, subdomain: "bench" });
  close = () => client.close();
  const db = client.db;
  const started = performance.now();
  const staff = await db.staffUser.create({
    data: { email: "billing@bench.test", name: "Bill Ing", role: "BILLING", passwordHash: "!" },
  });
  const main = await db.location.create({ data: { name: "Main bench", isMain: true } });
  const north = await db.location.create({ data: { name: "North bench" } });
  const counts = await generateBillingHistory({
    db,
    volume,
    staffId: staff.id,
    mainId: main.id,
    northId: north.id,
  });
  console.log(
    `  generated ${Object.entries(counts ?? {})
      .map(([name, count]) => `${count} ${name.replace("_", " ")}`)
      .join(", ")} in ${((performance.now() - started) / 1000).toFixed(1)} s`,
  );

  // The totals the database kept while the generator wrote allocations must equal their sums.
  const [drift] = await db.$queryRaw<[{ invoices: number; differing: number }]>`
    SELECT count(*)::int AS invoices, count(*) FILTER (WHERE t.applied_minor IS DISTINCT FROM s.applied
             OR t.from_credit_minor IS DISTINCT FROM s.from_credit)::int AS differing
      FROM (SELECT invoice_id, SUM(amount_minor)::int AS applied,
                   COALESCE(SUM(amount_minor) FILTER (WHERE from_credit), 0)::int AS from_credit
              FROM payment_allocations GROUP BY invoice_id) s
      FULL JOIN invoice_applied_totals t ON t.invoice_id = s.invoice_id`;
  console.log(
    `  applied totals: ${drift.invoices} invoices, ${drift.differing} differing from their allocations`,
  );
  if (drift.differing > 0) throw new Error("invoice_applied_totals differs from payment_allocations");
  // Only the tables' owner (the server admin) may ANALYZE them, as autovacuum would after such a
  // load: the generator's own ANALYZE, as the clinic's role, skips every table.
  const admin = new pg.Client({ connectionString: withDatabaseName(server.adminUrl, clinic.databaseName) });
  await admin.connect();
  await admin.query("ANALYZE").finally(() => admin.end());

  const today = localDateOf(new Date(), TZ);
  const busy = addDays(today, -3);
  const actor = { id: staff.id, email: staff.email, ip: null, userAgent: null };
  const patient = await db.patient.findFirstOrThrow({ where: { lastName: "Bench42" } });
  const list = { timeZone: TZ, page: 1 };
  console.log("closing the day (target 100 ms):");
  await time(`the day's figures (main location, ${busy})`, 100, () =>
    findDayFigures({ db, locationId: main.id, businessDate: busy, timeZone: TZ }),
  );
  // Each run closes a different past day: a day closes once.
  await time("closing the day (main location, a different day each run)", 100, (run) =>
    closeDay({
      db,
      actor,
      locationId: main.id,
      businessDate: addDays(today, -5 - run),
      countedCashMinor: 0,
    }),
  );
  console.log("the invoice list (target 50 ms):");
  await time("page 1, no filter", 50, () => findInvoices(db, list));
  await time("page 1, unpaid", 50, () => findInvoices(db, { ...list, state: "UNPAID" }));
  await time("page 1, part paid", 50, () => findInvoices(db, { ...list, state: "PARTLY_PAID" }));
  await time("page 1, paid", 50, () => findInvoices(db, { ...list, state: "PAID" }));
  await time("page 1, one month", 50, () =>
    findInvoices(db, { ...list, from: addDays(today, -60), to: addDays(today, -31) }),
  );
  await time("page 1, unpaid in one month", 50, () =>
    findInvoices(db, { ...list, state: "UNPAID", from: addDays(today, -60), to: addDays(today, -31) }),
  );
  await time("page 1000 (of 2,000), no filter", 50, () => findInvoices(db, { ...list, page: 1000 }));
  console.log("a patient's balance (target 10 ms):");
  await time("findPatientAccount (owed and credit)", 10, () => findPatientAccount(db, patient.id));
  const own = await db.invoice.findMany({ where: { patientId: patient.id }, select: { id: true } });
  await time(`findInvoiceBalances (the patient's ${own.length} invoices)`, 10, () =>
    findInvoiceBalances(
      db,
      own.map((invoice) => invoice.id),
    ),
  );
  console.log("outstanding balances with ageing (target 200 ms):");
  await time("page 1, by amount", 200, () =>
    findOutstandingBalances({ db, timeZone: TZ, sort: "amount", page: 1, pageSize: 50 }),
  );
  await time("page 1, by age", 200, () =>
    findOutstandingBalances({ db, timeZone: TZ, sort: "age", page: 1, pageSize: 50 }),
  );
  await time("page 20, by age", 200, () =>
    findOutstandingBalances({ db, timeZone: TZ, sort: "age", page: 20, pageSize: 50 }),
  );
} finally {
  await close();
  if (!values.keep) await platform.cleanup();
  await server.stop();
}
