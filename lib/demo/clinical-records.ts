import { randomUUID } from "node:crypto";
import { addDays, localDateOf, weekdayOf, zonedTimeToUtc } from "../clinic/time";
import type { Prisma } from "../generated/tenant/client";
import type { TenantDb } from "../tenancy/registry";
import {
  ACUTE_CONDITIONS,
  CHRONIC_CONDITIONS,
  CODE_SYSTEM,
  DEMO_ALLERGIES,
  DEMO_VACCINES,
  type DemoCondition,
  DRAFT_NOTE,
  fillText,
} from "./clinical-texts";
import { generateDemoPrescriptions } from "./demo-prescriptions";
import { type BodyTrend, bodyTrendOf, type Random, vitalsAt } from "./demo-vitals";
import { insertRows } from "./insert-rows";

const TWO_WEEKS = 14 * 24 * 60;
const ASTHMA = CHRONIC_CONDITIONS.find((condition) => condition.code === "J45.909") as DemoCondition;
const CHILD_ACUTE_CONDITIONS = ACUTE_CONDITIONS.filter((condition) =>
  ["J06.9", "J02.9"].includes(condition.code),
);

export type DemoPatient = { id: string; dateOfBirth: Date };
export type CompletedAppointment = {
  id: string;
  patientId: string;
  doctorId: string;
  locationId: string;
  startsAt: Date;
  reason: string;
};

/** At most this many patients get a history of months of visits (the seeding stays quick for 50,000). */
const HISTORY_PATIENTS_MAX = 600;

/**
 * Clinical records for a demo clinic: a visit with a signed SOAP note, vitals and a diagnosis for
 * each completed appointment (the newest few of the first doctor left as drafts, for "my unsigned
 * notes"), and for a share of patients a history over 18 months: follow-ups of long-term problems
 * with weight and blood-pressure trends, the problem list, allergies (some "no known allergies",
 * some not recorded yet) and immunizations. Written with createMany in a few statements.
 */
export async function generateClinicalRecords(options: {
  db: TenantDb;
  random: Random;
  timeZone: string;
  now: Date;
  patients: DemoPatient[];
  completed: CompletedAppointment[];
  doctorIds: string[];
  nurseId: string;
  locationIds: string[];
}) {
  const { random, timeZone, now, nurseId } = options;
  const rows = {
    visits: [] as Prisma.VisitCreateManyInput[],
    notes: [] as Prisma.ClinicalNoteCreateManyInput[],
    vitals: [] as Prisma.VitalSignsCreateManyInput[],
    diagnoses: [] as Prisma.DiagnosisCreateManyInput[],
  };
  const birthOf = new Map(options.patients.map((patient) => [patient.id, patient.dateOfBirth]));
  const body = new Map<string, BodyTrend>();
  const bodyOf = (patientId: string) => {
    let trend = body.get(patientId);
    if (!trend) {
      trend = bodyTrendOf(random, ageOn(birthOf.get(patientId) ?? now, now));
      body.set(patientId, trend);
    }
    return trend;
  };

  const addVisit = (visit: {
    patientId: string;
    doctorId: string;
    locationId: string;
    startedAt: Date;
    appointmentId?: string;
    condition: DemoCondition;
    draft: boolean;
    monthsAgo: number;
  }) => {
    const id = randomUUID();
    const { condition, startedAt, patientId, doctorId } = visit;
    rows.visits.push({
      id,
      patientId,
      doctorId,
      locationId: visit.locationId,
      appointmentId: visit.appointmentId,
      reason: condition.reason,
      startedAt,
      startedById: doctorId,
      createdAt: startedAt,
    });
    const vitals = vitalsAt(bodyOf(patientId), visit.monthsAgo, random, condition);
    rows.vitals.push({
      id: randomUUID(),
      patientId,
      visitId: id,
      takenAt: minutesAfter(startedAt, 3),
      recordedById: nurseId,
      ...vitals.row,
      createdAt: minutesAfter(startedAt, 3),
    });
    const fill = (text: string) => fillText(text, vitals.text);
    rows.notes.push({
      id: randomUUID(),
      updatedAt: now,
      visitId: id,
      patientId,
      authorId: doctorId,
      kind: "SOAP",
      ...(visit.draft
        ? { status: "DRAFT", subjective: fill(DRAFT_NOTE.subjective), objective: fill(DRAFT_NOTE.objective) }
        : {
            status: "SIGNED",
            signedAt: minutesAfter(startedAt, 25),
            subjective: fill(condition.subjective),
            objective: fill(condition.objective),
            assessment: fill(condition.assessment),
            plan: fill(condition.plan),
          }),
      createdAt: startedAt,
    });
    if (!visit.draft) {
      const resolved = !condition.chronic && minutesAfter(startedAt, TWO_WEEKS) < now;
      rows.diagnoses.push({
        id: randomUUID(),
        updatedAt: now,
        patientId,
        visitId: id,
        codeSystem: CODE_SYSTEM,
        code: condition.code,
        title: condition.title,
        // A short illness is resolved two weeks on, if that has passed.
        status: resolved ? "RESOLVED" : "ACTIVE",
        resolvedAt: resolved ? minutesAfter(startedAt, TWO_WEEKS) : null,
        recordedById: doctorId,
        createdAt: minutesAfter(startedAt, 20),
      });
    }
    return id;
  };

  // Today's and recent completed appointments became visits; the first doctor's newest few are unsigned.
  const byNewest = [...options.completed].sort((a, b) => b.startsAt.getTime() - a.startsAt.getTime());
  let drafts = 0;
  for (const appointment of byNewest) {
    const draft = appointment.doctorId === options.doctorIds[0] && drafts < 4;
    if (draft) drafts += 1;
    addVisit({
      ...appointment,
      appointmentId: appointment.id,
      startedAt: appointment.startsAt,
      condition: bodyOf(appointment.patientId).adult
        ? random.next() < 0.35
          ? random.pick(CHRONIC_CONDITIONS)
          : random.pick(ACUTE_CONDITIONS)
        : random.pick(CHILD_ACUTE_CONDITIONS),
      draft,
      monthsAgo: 0,
    });
  }

  // A share of the patients have been coming for a year and a half.
  const history = options.patients
    .filter(() => random.next() < 0.3)
    .slice(0, HISTORY_PATIENTS_MAX)
    .map((patient) => patient.id);
  const today = localDateOf(now, timeZone);
  const allergies: Prisma.AllergyCreateManyInput[] = [];
  const immunizations: Prisma.ImmunizationCreateManyInput[] = [];
  const noKnownAllergies: string[] = [];
  const onProblemList = new Set<string>();
  for (const patientId of history) {
    const doctorId = random.pick(options.doctorIds);
    const locationId = random.pick(options.locationIds);
    const adult = bodyOf(patientId).adult;
    // Children are seen for coughs, sore throats and asthma, not for adults' long-term problems.
    const chronic = adult
      ? random.next() < 0.7
        ? random.pick(CHRONIC_CONDITIONS)
        : null
      : random.next() < 0.3
        ? ASTHMA
        : null;
    const acute = adult ? ACUTE_CONDITIONS : CHILD_ACUTE_CONDITIONS;
    const visits = 3 + Math.floor(random.next() * 5);
    for (let v = 0; v < visits; v++) {
      const monthsAgo = Math.round(18 - (v * 17) / visits + random.next() * 2);
      const day = weekdayNear(addDays(today, -monthsAgo * 30));
      const startedAt = zonedTimeToUtc(day, (9 + Math.floor(random.next() * 7)) * 60, timeZone);
      const condition = chronic && random.next() < 0.75 ? chronic : random.pick(acute);
      const visitId = addVisit({
        patientId,
        doctorId,
        locationId,
        startedAt,
        condition,
        draft: false,
        monthsAgo,
      });
      if (chronic && condition === chronic && !onProblemList.has(patientId)) {
        onProblemList.add(patientId);
        rows.diagnoses.push({
          id: randomUUID(),
          updatedAt: now,
          patientId,
          visitId,
          codeSystem: CODE_SYSTEM,
          code: chronic.code,
          title: chronic.title,
          onProblemList: true,
          onset: day.slice(0, 7),
          recordedById: doctorId,
          createdAt: minutesAfter(startedAt, 21),
        });
      }
    }
    const allergyRoll = random.next();
    if (allergyRoll < 0.4) noKnownAllergies.push(patientId);
    else if (allergyRoll < 0.7) {
      const first = random.pick(DEMO_ALLERGIES);
      const listed = random.next() < 0.3 ? [first, random.pick(DEMO_ALLERGIES)] : [first];
      for (const allergy of new Set(listed)) {
        allergies.push({
          id: randomUUID(),
          updatedAt: now,
          patientId,
          substance: allergy.substance,
          category: allergy.category,
          reactions: [{ manifestation: allergy.manifestation, severity: allergy.severity }],
          status: "ACTIVE",
          verification: random.next() < 0.7 ? "CONFIRMED" : "UNCONFIRMED",
          onset: String(2000 + Math.floor(random.next() * 24)),
          recordedById: doctorId,
        });
      }
    }
    for (const { vaccine, everyYear } of DEMO_VACCINES) {
      if (random.next() < 0.5) continue;
      const doses = everyYear ? 2 : 1;
      for (let dose = 0; dose < doses; dose++) {
        const givenOn = weekdayNear(addDays(today, -(40 + dose * 365 + Math.floor(random.next() * 60))));
        immunizations.push({
          id: randomUUID(),
          patientId,
          vaccine,
          doseNumber: everyYear ? null : 1,
          lotNumber: `${vaccine.slice(0, 2).toUpperCase()}${Math.floor(10000 + random.next() * 89999)}`,
          expiryDate: new Date(`${Number(givenOn.slice(0, 4)) + 1}-06-30T00:00:00Z`),
          site: random.pick(["Left deltoid", "Right deltoid"]),
          route: "Intramuscular",
          givenOn: new Date(`${givenOn}T00:00:00Z`),
          givenById: nurseId,
          recordedById: nurseId,
        });
      }
    }
  }

  const { db } = options;
  await insertRows(db, "visits", rows.visits);
  await insertRows(db, "clinical_notes", rows.notes);
  await insertRows(db, "vital_signs", rows.vitals);
  await insertRows(db, "diagnoses", rows.diagnoses);
  await insertRows(db, "allergies", allergies);
  await insertRows(db, "immunizations", immunizations);
  if (noKnownAllergies.length > 0) {
    await db.patient.updateMany({
      where: { id: { in: noKnownAllergies } },
      data: { noKnownAllergiesAt: now, noKnownAllergiesById: options.doctorIds[0] },
    });
  }
  await generateDemoPrescriptions({ ...options, visits: rows.visits, diagnoses: rows.diagnoses });
  return { visits: rows.visits.length, notes: rows.notes.length, drafts, vitals: rows.vitals.length };
}

const minutesAfter = (instant: Date, minutes: number) => new Date(instant.getTime() + minutes * 60_000);

function ageOn(dateOfBirth: Date, now: Date): number {
  return Math.max(0, Math.floor((now.getTime() - dateOfBirth.getTime()) / (365.25 * 24 * 3600_000)));
}

/** The Monday to Friday date on or before `date`. */
function weekdayNear(date: string): string {
  const weekday = weekdayOf(date);
  return weekday === 0 ? addDays(date, -2) : weekday === 6 ? addDays(date, -1) : date;
}
