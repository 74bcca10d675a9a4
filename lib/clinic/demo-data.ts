import { randomUUID } from "node:crypto";
import { generateClinicalRecords } from "../demo/clinical-records";
import { generateDemoBilling } from "../demo/demo-billing";
import { insertRows } from "../demo/insert-rows";
import type { AppointmentStatus } from "../generated/tenant/enums";
import type { TenantDb } from "../tenancy/registry";
import { addDays, localDateOf, weekdayOf, zonedTimeToUtc } from "./time";

const FIRST = [
  "Ada",
  "Ben",
  "Chloe",
  "Dev",
  "Elena",
  "Farid",
  "Grace",
  "Hugo",
  "Ines",
  "Jonas",
  "Kira",
  "Liam",
  "Maya",
  "Noah",
  "Olga",
  "Pablo",
  "Quinn",
  "Rosa",
  "Sami",
  "Tara",
  "Umar",
  "Vera",
  "Wen",
  "Yara",
  "Zoe",
];
const LAST = [
  "Adams",
  "Baker",
  "Costa",
  "Dubois",
  "Evans",
  "Fischer",
  "Garcia",
  "Hansen",
  "Ivanova",
  "Jensen",
  "Kowalski",
  "Larsen",
  "Moreau",
  "Novak",
  "Okafor",
  "Petrov",
  "Quint",
  "Rossi",
  "Silva",
  "Tanaka",
  "Ulrich",
  "Varga",
  "Weber",
  "Xu",
  "Young",
  "Zimmer",
];
const SPECIALTIES = ["General practice", "Paediatrics", "Dermatology", "Cardiology", "Physiotherapy"];
const COLORS = ["#0f766e", "#7c3aed", "#b45309", "#be123c", "#1d4ed8"];

/** A small seeded generator, so the demo and the benchmarks are the same every time. */
export function createRandom(seed: number) {
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return { next, pick: <T>(items: readonly T[]) => items[Math.floor(next() * items.length)] as T };
}

export type DemoDataOptions = {
  db: TenantDb;
  timeZone: string;
  /** Patients to register (2,000 for the demo, 50,000 for the benchmark). */
  patients: number;
  doctors?: number;
  /** Days of appointments before and after today (45 each way ≈ 3 months). */
  daysAround?: number;
  /** Share of free slots that get booked. */
  fill?: number;
  /** Password hash for the demo staff accounts (doctors, reception, …). */
  staffPasswordHash: string;
  /** Mail domain of the demo staff, e.g. maple.test. */
  emailDomain: string;
  today?: Date;
  seed?: number;
  onProgress?: (line: string) => void;
};

/**
 * Fills a freshly provisioned clinic with a believable practice: a second location, doctors with
 * profiles and working hours, front-desk staff, patients, and appointments around today (past
 * ones completed, some cancelled or no-show; future ones booked), never overlapping.
 */
export async function generateDemoData(options: DemoDataOptions) {
  const { db, timeZone } = options;
  const random = createRandom(options.seed ?? 42);
  const progress = options.onProgress ?? (() => {});
  const now = options.today ?? new Date();
  const found = await db.location.findFirstOrThrow({ where: { isMain: true } });
  // Provisioning names the main location only; a believable practice has its address too.
  const main = await db.location.update({
    where: { id: found.id },
    data: { address: found.address ?? "1 Main Street", phone: found.phone ?? "+1 555 010 1100" },
  });
  const branch = await db.location.create({
    data: { name: "North Branch", address: "12 Harbour Road", phone: "+1 555 010 2200" },
  });
  const locations = [main, branch];

  const staff = [
    { name: "Rita Reception", role: "RECEPTIONIST" as const },
    { name: "Nina Nurse", role: "NURSE" as const },
    { name: "Bill Billing", role: "BILLING" as const },
    { name: "Mara Manager", role: "MANAGER" as const },
  ];
  await db.staffUser.createMany({
    data: staff.map((person) => ({
      ...person,
      email: `${person.role.toLowerCase()}@${options.emailDomain}`,
      passwordHash: options.staffPasswordHash,
    })),
  });

  const doctors = [];
  for (let i = 0; i < (options.doctors ?? 5); i++) {
    const doctor = await db.staffUser.create({
      data: {
        name: `Dr ${FIRST[(i * 7) % FIRST.length]} ${LAST[(i * 5) % LAST.length]}`,
        email: `doctor${i + 1}@${options.emailDomain}`,
        role: "DOCTOR",
        passwordHash: options.staffPasswordHash,
        doctorProfile: {
          create: {
            specialty: SPECIALTIES[i % SPECIALTIES.length],
            calendarColor: COLORS[i % COLORS.length] as string,
            defaultSlotMinutes: 20,
          },
        },
      },
    });
    // Mondays to Fridays, 09:00–17:00 with a lunch hour: odd doctors at the branch, the others at
    // the main location except on Wednesdays.
    const hours = [1, 2, 3, 4, 5].flatMap((weekday) => {
      const locationId = i % 2 === 1 || weekday === 3 ? branch.id : main.id;
      return [
        { doctorId: doctor.id, locationId, weekday, startMinute: 9 * 60, endMinute: 12 * 60 + 30 },
        { doctorId: doctor.id, locationId, weekday, startMinute: 13 * 60 + 30, endMinute: 17 * 60 },
      ];
    });
    await db.workingHours.createMany({ data: hours });
    doctors.push({ id: doctor.id, hours });
  }

  progress(`registering ${options.patients} patients…`);
  const patientIds: string[] = [];
  const patients: { id: string; dateOfBirth: Date }[] = [];
  for (let start = 0; start < options.patients; start += 5000) {
    const batch = Array.from({ length: Math.min(5000, options.patients - start) }, () => {
      const id = randomUUID();
      patientIds.push(id);
      const year = 1930 + Math.floor(random.next() * 90);
      const day = 1 + Math.floor(random.next() * 28);
      const month = 1 + Math.floor(random.next() * 12);
      const dateOfBirth = new Date(Date.UTC(year, month - 1, day));
      patients.push({ id, dateOfBirth });
      return {
        id,
        firstName: random.pick(FIRST),
        lastName: `${random.pick(LAST)}${random.next() < 0.5 ? "" : `-${random.pick(LAST)}`}`,
        dateOfBirth,
        sex: random.pick(["FEMALE", "MALE", "OTHER"]),
        updatedAt: now,
        phone: `+1 555 ${String(Math.floor(random.next() * 1000)).padStart(3, "0")} ${String(Math.floor(random.next() * 10000)).padStart(4, "0")}`,
      };
    });
    await insertRows(db, "patients", batch);
  }

  const today = localDateOf(now, timeZone);
  const days = options.daysAround ?? 45;
  const appointments = [];
  for (let offset = -days; offset <= days; offset++) {
    const date = addDays(today, offset);
    const weekday = weekdayOf(date);
    for (const doctor of doctors) {
      for (const range of doctor.hours.filter((h) => h.weekday === weekday)) {
        for (let minute = range.startMinute; minute + 20 <= range.endMinute; minute += 20) {
          if (random.next() > (options.fill ?? 0.6)) continue;
          const startsAt = zonedTimeToUtc(date, minute, timeZone);
          const past = startsAt < now;
          const roll = random.next();
          const status: AppointmentStatus = past
            ? roll < 0.06
              ? "NO_SHOW"
              : roll < 0.12
                ? "CANCELLED"
                : "COMPLETED"
            : roll < 0.05
              ? "CANCELLED"
              : "BOOKED";
          appointments.push({
            id: randomUUID(),
            patientId: random.pick(patientIds),
            doctorId: doctor.id,
            locationId: range.locationId,
            startsAt,
            endsAt: zonedTimeToUtc(date, minute + 20, timeZone),
            status,
            reason: random.pick(["Check-up", "Follow-up", "Vaccination", "Consultation", "Test results"]),
            ...(status === "CANCELLED" ? { cancelReason: "Patient called to cancel" } : {}),
          });
        }
      }
    }
  }
  progress(`booking ${appointments.length} appointments…`);
  await insertRows(
    db,
    "appointments",
    appointments.map((appointment) => ({ ...appointment, updatedAt: now })),
  );
  progress("writing clinical records…");
  const nurse = await db.staffUser.findFirstOrThrow({ where: { role: "NURSE" }, select: { id: true } });
  const records = await generateClinicalRecords({
    db,
    random,
    timeZone,
    now,
    patients,
    completed: appointments.filter((appointment) => appointment.status === "COMPLETED"),
    doctorIds: doctors.map((doctor) => doctor.id),
    nurseId: nurse.id,
    locationIds: locations.map((location) => location.id),
  });
  progress("billing the last three months…");
  await generateDemoBilling({
    db,
    random,
    timeZone,
    now,
    completed: appointments.filter((appointment) => appointment.status === "COMPLETED"),
  });
  return {
    patients: patientIds.length,
    doctors: doctors.length,
    appointments: appointments.length,
    locations: locations.length,
    visits: records.visits,
    unsignedNotes: records.drafts,
    vitals: records.vitals,
  };
}
