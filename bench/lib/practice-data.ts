import type { TenantDb } from "../../lib/tenancy/tenant-db";
import { generateBillingHistory } from "./billing-data";

export type PracticeVolume = { patients: number; appointments: number; invoices: number };

/**
 * A practice's years of records written in bulk with SQL as the clinic's own role: `patients`
 * patients (of which billing's 3,000), five doctors each seeing patients every half hour around the
 * clock going back as far as `appointments` needs, every appointment completed with its visit and a
 * signed SOAP note, and `invoices` invoices with their payments (bench/lib/billing-data.ts).
 * Returns the row counts of what it wrote.
 */
export async function generatePracticeHistory(db: TenantDb, volume: PracticeVolume) {
  const sql = (text: string) => db.$executeRawUnsafe(text);
  const main = await db.location.findFirstOrThrow({ where: { isMain: true } });
  const north = await db.location.create({ data: { name: "North bench" } });
  const billing = await db.staffUser.create({
    data: { email: "billing@bench.test", name: "Bill Ing", role: "BILLING", passwordHash: "!" },
  });
  const billingPatients = Math.min(3000, volume.patients);
  await generateBillingHistory({
    db,
    volume: {
      invoices: volume.invoices,
      payments: Math.round(volume.invoices * 1.5),
      patients: billingPatients,
      days: 730,
    },
    staffId: billing.id,
    mainId: main.id,
    northId: north.id,
  });
  await sql(`INSERT INTO patients (id, first_name, last_name, date_of_birth, sex, phone, updated_at)
    SELECT gen_random_uuid(), 'Pat' || g, 'Bench' || (g % 997), date '1930-01-01' + (g * 37 % 32000),
           (ARRAY['FEMALE','MALE','OTHER'])[1 + g % 3], '+1 555 ' || lpad(g::text, 7, '0'), now()
      FROM generate_series(1, ${volume.patients - billingPatients}) g`);
  await sql(`INSERT INTO staff_users (id, email, name, role, password_hash, updated_at)
    SELECT gen_random_uuid(), 'doctor' || d || '@bench.test', 'Dr Bench ' || d, 'DOCTOR', '!', now()
      FROM generate_series(1, 5) d`);
  // Appointment g: doctor g % 5, the (g / 5)-th half hour back from today; patient (g × prime) % patients.
  await sql(`WITH doctors AS (SELECT id, row_number() OVER (ORDER BY email) - 1 AS d FROM staff_users WHERE role = 'DOCTOR'),
                  p AS (SELECT id, row_number() OVER (ORDER BY id) - 1 AS n FROM patients),
                  slot AS (SELECT g, date_trunc('hour', now()) - (g / 5 + 1) * interval '30 minutes' AS at
                             FROM generate_series(0, ${volume.appointments - 1}) g)
    INSERT INTO appointments (id, patient_id, doctor_id, location_id, starts_at, ends_at, status, reason, updated_at)
    SELECT gen_random_uuid(), p.id, doctors.id, '${uuid(main.id)}', slot.at, slot.at + interval '20 minutes',
           'COMPLETED', 'Check-up', now()
      FROM slot JOIN doctors ON doctors.d = slot.g % 5
                JOIN p ON p.n = (slot.g::bigint * 7919) % ${volume.patients}`);
  await sql(`INSERT INTO visits (id, patient_id, doctor_id, location_id, appointment_id, reason, started_at, created_at)
    SELECT gen_random_uuid(), a.patient_id, a.doctor_id, a.location_id, a.id, a.reason, a.starts_at, a.starts_at
      FROM appointments a`);
  await sql(`INSERT INTO clinical_notes (id, visit_id, patient_id, author_id, kind, status, subjective, objective,
                                        assessment, plan, signed_at, created_at, updated_at)
    SELECT gen_random_uuid(), v.id, v.patient_id, v.doctor_id, 'SOAP', 'SIGNED', 'Routine check, no complaints.',
           'BP 124/80 mmHg, HR 70/min.', 'Well.', 'Review in a year.', v.started_at + interval '15 minutes',
           v.started_at, now()
      FROM visits v`);
  const [counts] = await db.$queryRawUnsafe<Record<string, bigint>[]>(`
    SELECT (SELECT count(*) FROM patients) AS patients, (SELECT count(*) FROM appointments) AS appointments,
           (SELECT count(*) FROM visits) AS visits, (SELECT count(*) FROM clinical_notes) AS notes,
           (SELECT count(*) FROM invoices) AS invoices, (SELECT count(*) FROM payments) AS payments`);
  return counts ?? {};
}

/** A uuid this bench made, checked, so nothing else can be spliced into the SQL. */
function uuid(value: string): string {
  if (!/^[0-9a-f-]{36}$/.test(value)) throw new Error(`not a uuid: ${value}`);
  return value;
}
