// npm run bench:clinical [-- --patients 50000 --visits 200000 --vitals 500000 --runs 50]: the patient
// chart (header, allergy banner, latest vitals, first timeline page) of a patient with 500 timeline
// events, and one vitals trend, on a clinic database filled with SQL; medians, p95 and the size growth.
import { parseArgs } from "node:util";
import pg from "pg";
import { findPatient } from "../lib/clinic/patients";
import { findAllergyBanner } from "../lib/clinical/allergy-banner";
import { findTimeline, timelineQuery } from "../lib/clinical/timeline";
import { findLatestVitals, findVitalsTrend } from "../lib/clinical/vitals-queries";
import { withDatabaseName } from "../lib/db/database-url";
import { openClinicClient } from "../lib/tenancy/clinic-client";
import { ClinicDatabaseService } from "../lib/tenancy/clinic-database-service";
import { TenantRegistry } from "../lib/tenancy/registry";
import type { TenantDb } from "../lib/tenancy/tenant-client";
import { createPlatformFixture } from "../lib/testing/platform-fixture";
import { machineLine, median, percentile, startBenchServer } from "./lib/bench-server";

const { values } = parseArgs({
  options: {
    patients: { type: "string", default: "50000" },
    visits: { type: "string", default: "200000" },
    vitals: { type: "string", default: "500000" },
    runs: { type: "string", default: "50" },
  },
});
const counts = {
  patients: Number(values.patients),
  visits: Number(values.visits),
  vitals: Number(values.vitals),
};
const runs = Number(values.runs);
process.env.TENANT_SECRETS_KEY ??= Buffer.alloc(32, 7).toString("base64");

const CLINICAL_TABLES = [
  "patients",
  "appointments",
  "visits",
  "clinical_notes",
  "vital_signs",
  "diagnoses",
  "allergies",
  "immunizations",
  "patient_documents",
];

async function time(label: string, work: () => Promise<unknown>) {
  for (let i = 0; i < 3; i++) await work(); // warm-up
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const started = performance.now();
    await work();
    samples.push(performance.now() - started);
  }
  console.log(
    `  ${label.padEnd(58)} p50 ${median(samples).toFixed(1).padStart(6)} ms   p95 ${percentile(samples, 95).toFixed(1).padStart(6)} ms`,
  );
}

async function step(label: string, work: () => Promise<unknown>) {
  const started = performance.now();
  await work().catch((error: unknown) => {
    // The registry turns a failed statement into a generic message: show what PostgreSQL said.
    throw new Error(`${label} failed: ${String((error as { cause?: unknown }).cause ?? error)}`);
  });
  console.log(`  ${label.padEnd(40)} ${((performance.now() - started) / 1000).toFixed(1).padStart(6)} s`);
}

const mb = (bytes: bigint | number) => `${(Number(bytes) / 2 ** 20).toFixed(1)} MB`;

const server = await startBenchServer();
console.log(
  `clinical record with ${counts.patients} patients, ${counts.visits} visits, ${counts.vitals} vitals on ${server.kind}; ${machineLine()}`,
);
const platform = await createPlatformFixture(server.adminUrl, { label: "bench" });
// One connection per clinic, as the app's default TENANT_POOL_MAX: the chart's reads queue on it.
const registry = new TenantRegistry({
  central: platform.central,
  centralUrl: platform.centralUrl,
  budget: 2,
  poolMax: 1,
});
try {
  await new ClinicDatabaseService({ central: platform.central, env: platform.env }).provisionClinic({
    name: "Bench Clinic",
    subdomain: "bench",
    ownerId: platform.owner.id,
    timezone: "Europe/London",
  });
  await registry.withTenantDb("bench", async (db) => {
    const sizeBefore = await databaseSize(db);
    const started = performance.now();
    // The fill runs on a client with the timeouts of bulk work; the reads below on the registry's.
    const filler = await openClinicClient({ central: platform.central, subdomain: "bench" });
    const patientId = await fill(filler.db).finally(() => filler.close());
    console.log(`  filled in ${((performance.now() - started) / 1000).toFixed(1)} s`);
    // Only the tables' owner (the server admin) may ANALYZE them, as autovacuum would after such a load.
    const clinic = await platform.central.clinic.findUniqueOrThrow({ where: { subdomain: "bench" } });
    const admin = new pg.Client({ connectionString: withDatabaseName(server.adminUrl, clinic.databaseName) });
    await admin.connect();
    await step("ANALYZE (as the server admin)", () => admin.query("ANALYZE")).finally(() => admin.end());
    const sizeAfter = await databaseSize(db);

    const plan = await db.$queryRaw<
      { "QUERY PLAN": string }[]
    >`EXPLAIN ${timelineQuery({ patientId, includeClinicalDocuments: true }) ?? ""}`;
    const scans = plan.map((row) => row["QUERY PLAN"]).filter((line) => /Scan/.test(line));
    console.log("timeline plan (scans):");
    for (const line of scans) console.log(`  ${line.trim()}`);

    console.log(`reads for the patient with 500 timeline events (${runs} runs each):`);
    await time("chart: patient + allergy banner + latest vitals + timeline", async () => {
      const patient = await findPatient({ db, patientId });
      if (!patient) throw new Error("the bench patient is missing");
      await Promise.all([
        findAllergyBanner({ db, patientId }),
        findLatestVitals({ db, patientId }),
        findTimeline({ db, patientId, includeClinicalDocuments: true }),
      ]);
    });
    await time("  of which the first timeline page", () =>
      findTimeline({ db, patientId, includeClinicalDocuments: true }),
    );
    const first = await findTimeline({ db, patientId, includeClinicalDocuments: true });
    await time("  the second timeline page (cursor)", () =>
      findTimeline({ db, patientId, includeClinicalDocuments: true, before: first.next }),
    );
    await time("vitals trend: weight (150 sets)", () =>
      findVitalsTrend({ db, patientId, measure: "weight" }),
    );
    await time("vitals trend: systolic (150 sets)", () =>
      findVitalsTrend({ db, patientId, measure: "systolic" }),
    );

    console.log(
      `database size: ${mb(sizeBefore)} before, ${mb(sizeAfter)} after (+${mb(sizeAfter - sizeBefore)})`,
    );
    const tables = await db.$queryRaw<{ name: string; rows: bigint; total: bigint; indexes: bigint }[]>`
      SELECT c.relname AS name, c.reltuples::bigint AS rows, pg_total_relation_size(c.oid) AS total,
             pg_indexes_size(c.oid) AS indexes
      FROM pg_class c WHERE c.relkind = 'r' AND c.relname = ANY(${CLINICAL_TABLES})
      ORDER BY pg_total_relation_size(c.oid) DESC`;
    for (const table of tables)
      console.log(
        `  ${table.name.padEnd(20)} ${String(table.rows).padStart(9)} rows  ${mb(table.total).padStart(10)} (indexes ${mb(table.indexes)})`,
      );
  });
} finally {
  await registry.close();
  await platform.cleanup();
  await server.stop();
}

/** An id of a row this bench made, as an SQL literal (checked, so nothing else can be spliced in). */
function uuid(value: string): string {
  if (!/^[0-9a-f-]{36}$/.test(value)) throw new Error(`not a uuid: ${value}`);
  return `'${value}'::uuid`;
}

async function databaseSize(db: TenantDb): Promise<bigint> {
  const [row] = await db.$queryRaw<{ size: bigint }[]>`SELECT pg_database_size(current_database()) AS size`;
  return row?.size ?? 0n;
}

/** Fills the clinic with generate_series and returns the id of the patient with 500 timeline events. */
async function fill(db: TenantDb): Promise<string> {
  const location = await db.location.findFirstOrThrow({ where: { isMain: true } });
  const doctor = await db.staffUser.create({
    data: { email: "doctor@bench.test", name: "Dr Bench", role: "DOCTOR", passwordHash: "!" },
  });
  const nurse = await db.staffUser.create({
    data: { email: "nurse@bench.test", name: "Nurse Bench", role: "NURSE", passwordHash: "!" },
  });
  const ids = { doctor: uuid(doctor.id), nurse: uuid(nurse.id), location: uuid(location.id) };
  const sql = (text: string) => db.$executeRawUnsafe(text);
  // Row g of a series goes to patient number (g * prime) % patients: spread evenly, joined by hash.
  const numbered = `p AS (SELECT id, row_number() OVER (ORDER BY id) - 1 AS n FROM patients),
                    c AS (SELECT count(*) AS total FROM patients)`;
  const pickJoin = (prime: number) => `CROSS JOIN c JOIN p ON p.n = (g::bigint * ${prime}) % c.total`;
  await step(`${counts.patients} patients`, () =>
    sql(`INSERT INTO patients (id, first_name, last_name, date_of_birth, sex, phone, updated_at)
         SELECT gen_random_uuid(), 'Pat' || g, 'Bench' || (g % 997), date '1930-01-01' + (g * 37 % 32000),
                (ARRAY['FEMALE','MALE','OTHER'])[1 + g % 3], '+1 555 ' || lpad((g % 10000000)::text, 7, '0'), now()
         FROM generate_series(1, ${counts.patients}) g`),
  );
  await step(`${counts.visits} visits`, () =>
    sql(`WITH ${numbered}
         INSERT INTO visits (id, patient_id, doctor_id, location_id, reason, started_at, created_at)
         SELECT gen_random_uuid(), p.id, ${ids.doctor}, ${ids.location}, 'Follow-up',
                now() - (g % 1095) * interval '1 day' - (g % 480) * interval '1 minute', now()
         FROM generate_series(1, ${counts.visits}) g ${pickJoin(7919)}`),
  );
  await step(`${counts.visits} signed notes`, () =>
    sql(`INSERT INTO clinical_notes (id, visit_id, patient_id, author_id, kind, status, subjective, objective,
                                    assessment, plan, signed_at, created_at, updated_at)
         SELECT gen_random_uuid(), v.id, v.patient_id, v.doctor_id, 'SOAP', 'SIGNED',
                'Here for review, feeling well, taking medicines as prescribed.',
                'BP 128/82 mmHg, HR 72/min. Chest clear.', 'Essential hypertension, controlled.',
                'Continue treatment. Review in 3 months.', v.started_at + interval '25 minutes', v.started_at, now()
         FROM visits v`),
  );
  await step(`${counts.visits} diagnoses`, () =>
    sql(`INSERT INTO diagnoses (id, patient_id, visit_id, code_system, code, title, on_problem_list, recorded_by_id,
                               created_at, updated_at)
         SELECT gen_random_uuid(), v.patient_id, v.id, 'ICD-10-CM FY2026', 'I10', 'Essential (primary) hypertension',
                (v.id::text < '1'), v.doctor_id, v.started_at + interval '20 minutes', now()
         FROM visits v`),
  );
  await step(`${counts.vitals} vital sets`, () =>
    sql(`WITH ${numbered}
         INSERT INTO vital_signs (id, patient_id, taken_at, recorded_by_id, height_value, height_unit, height_cm,
                                  weight_value, weight_unit, weight_kg, bmi, temperature_value, temperature_unit,
                                  temperature_c, heart_rate, respiratory_rate, systolic, diastolic, spo2, created_at)
         SELECT gen_random_uuid(), p.id, now() - (g % 1095) * interval '1 day' - (g % 600) * interval '1 minute',
                ${ids.nurse}, 172, 'cm', 172, 60 + g % 40, 'kg', 60 + g % 40, round(((60 + g % 40) / 2.9584)::numeric, 1),
                36.8, 'Cel', 36.8, 60 + g % 40, 16, 110 + g % 50, 70 + g % 25, 95 + g % 5, now()
         FROM generate_series(1, ${counts.vitals}) g ${pickJoin(104729)}`),
  );
  return fillBusyPatient(db, ids);
}

/**
 * The patient whose chart is measured: 100 appointments with their visits (and signed notes), 150
 * vital sets, 80 diagnoses, 40 immunizations and 30 documents: 500 timeline events.
 */
async function fillBusyPatient(db: TenantDb, ids: { doctor: string; nurse: string; location: string }) {
  const patient = await db.patient.create({
    data: {
      firstName: "Busy",
      lastName: "Patient",
      dateOfBirth: new Date("1956-03-04"),
      noKnownAllergiesAt: new Date(),
    },
  });
  const run = (text: string) => db.$executeRawUnsafe(text);
  const id = uuid(patient.id);
  await step("the patient with 500 timeline events", async () => {
    // Appointments a week apart at 03:00 UTC, when no bench visit is booked: no overlap for the doctor.
    await run(`INSERT INTO appointments (id, patient_id, doctor_id, location_id, starts_at, ends_at, status, reason, updated_at)
      SELECT gen_random_uuid(), ${id}, ${ids.doctor}, ${ids.location}, date_trunc('day', now()) - g * interval '7 days' + interval '3 hours',
             date_trunc('day', now()) - g * interval '7 days' + interval '3 hours 20 minutes', 'COMPLETED', 'Review', now()
      FROM generate_series(1, 100) g`);
    await run(`INSERT INTO visits (id, patient_id, doctor_id, location_id, appointment_id, reason, started_at, created_at)
      SELECT gen_random_uuid(), a.patient_id, a.doctor_id, a.location_id, a.id, 'Review', a.starts_at, now()
      FROM appointments a WHERE a.patient_id = ${id}`);
    await run(`INSERT INTO clinical_notes (id, visit_id, patient_id, author_id, kind, status, subjective, assessment,
                                          signed_at, created_at, updated_at)
      SELECT gen_random_uuid(), v.id, v.patient_id, v.doctor_id, 'SOAP', 'SIGNED', 'Review.', 'Stable.',
             v.started_at + interval '25 minutes', v.started_at, now()
      FROM visits v WHERE v.patient_id = ${id}`);
    await run(`INSERT INTO vital_signs (id, patient_id, taken_at, recorded_by_id, weight_value, weight_unit, weight_kg,
                                       systolic, diastolic, heart_rate, created_at)
      SELECT gen_random_uuid(), ${id}, now() - g * interval '4 days', ${ids.nurse}, 80 - g * 0.05, 'kg', 80 - g * 0.05,
             130 + g % 15, 80 + g % 10, 70 + g % 12, now()
      FROM generate_series(1, 150) g`);
    await run(`INSERT INTO diagnoses (id, patient_id, code_system, code, title, recorded_by_id, created_at, updated_at)
      SELECT gen_random_uuid(), ${id}, 'ICD-10-CM FY2026', 'E11.9', 'Type 2 diabetes mellitus without complications',
             ${ids.doctor}, now() - g * interval '9 days', now()
      FROM generate_series(1, 80) g`);
    await run(`INSERT INTO immunizations (id, patient_id, vaccine, given_on, given_by_id, recorded_by_id, created_at)
      SELECT gen_random_uuid(), ${id}, 'Influenza (seasonal)', current_date - g * 30, ${ids.nurse}, ${ids.nurse}, now()
      FROM generate_series(1, 40) g`);
    await run(`INSERT INTO patient_documents (id, patient_id, category, title, file_name, content_type, size_bytes,
                                             sha256, uploaded_by_id, created_at)
      SELECT gen_random_uuid(), ${id}, 'RESULTS', 'Blood results ' || g, 'results.pdf', 'application/pdf', 1000,
             repeat('0', 64), ${ids.doctor}, now() - g * interval '11 days'
      FROM generate_series(1, 30) g`);
  });
  return patient.id;
}
