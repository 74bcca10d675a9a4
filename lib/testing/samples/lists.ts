import type { TenantDb } from "../../tenancy/registry";
import type { Sample, SampleWorld } from "../action-samples";
import { rowsOf } from "../sample-rows";

const row = (world: SampleWorld) => rowsOf(world.clinic.db);

/** A visit of a fresh patient with a fresh doctor, in any clinic's database. */
async function visitIn(db: TenantDb) {
  const rows = rowsOf(db);
  return db.visit.create({
    data: {
      patientId: (await rows.patient()).id,
      doctorId: (await rows.doctor()).id,
      locationId: (await rows.location()).id,
      reason: "Sample visit",
    },
  });
}

async function allergyIn(db: TenantDb) {
  const patient = await rowsOf(db).patient();
  return db.allergy.create({
    data: { patientId: patient.id, substance: "Penicillin", category: "DRUG", recordedById: patient.id },
  });
}

async function diagnosisIn(db: TenantDb) {
  const patient = await rowsOf(db).patient();
  return db.diagnosis.create({
    data: {
      patientId: patient.id,
      codeSystem: "ICD-10-CM FY2026",
      code: "I10",
      title: "Essential (primary) hypertension",
      onProblemList: true,
      recordedById: patient.id,
    },
  });
}

/** Ids of another clinic's rows, by the field names this area's inputs use (every-action.test.ts). */
export async function listsForeignIds(db: TenantDb): Promise<[string, string][]> {
  return [
    ["visitId", (await visitIn(db)).id],
    ["allergyId", (await allergyIn(db)).id],
    ["diagnosisId", (await diagnosisIn(db)).id],
  ];
}

/** Samples for the actions under lib/actions that this area adds (see ACTION_SAMPLES). */
export const LISTS_SAMPLES: [string, Sample][] = [
  [
    "allergies/record-allergy",
    async (world) => ({
      patientId: (await row(world).patient()).id,
      substance: "Peanuts",
      category: "FOOD",
      reactions: [{ manifestation: "Hives", severity: "MODERATE" }],
      status: "ACTIVE",
      verification: "CONFIRMED",
      onset: "2019-04",
    }),
  ],
  [
    "allergies/update-allergy",
    async (world) => ({
      allergyId: (await allergyIn(world.clinic.db)).id,
      status: "RESOLVED",
      verification: "CONFIRMED",
    }),
  ],
  ["allergies/record-no-known-allergies", async (world) => ({ patientId: (await row(world).patient()).id })],
  [
    "diagnoses/add-visit-diagnosis",
    async (world) => {
      const visit = await visitIn(world.clinic.db);
      return { patientId: visit.patientId, visitId: visit.id, code: "J06.9", addToProblemList: true };
    },
  ],
  ["diagnoses/add-problem", async (world) => ({ patientId: (await row(world).patient()).id, code: "E11.9" })],
  [
    "diagnoses/resolve-diagnosis",
    async (world) => ({ diagnosisId: (await diagnosisIn(world.clinic.db)).id }),
  ],
  [
    "diagnoses/mark-diagnosis-entered-in-error",
    async (world) => ({ diagnosisId: (await diagnosisIn(world.clinic.db)).id, reason: "Wrong patient" }),
  ],
  ["diagnoses/search-diagnosis-codes", async () => ({ query: "asthma" })],
];
