import type { TenantDb } from "../../tenancy/registry";
import type { Sample, SampleWorld } from "../action-samples";
import { rowsOf } from "../sample-rows";
import { createSignedPrescription } from "../signed-prescriptions";

/** An ACTIVE line of a freshly signed prescription for a fresh patient, in any clinic's database. */
async function activeLineIn(db: TenantDb) {
  const patient = await rowsOf(db).patient();
  const { lines } = await createSignedPrescription(db, { patientId: patient.id });
  return lines[0] as (typeof lines)[number];
}

async function reportedIn(db: TenantDb) {
  const patient = await rowsOf(db).patient();
  return db.reportedMedication.create({
    data: { patientId: patient.id, name: "Ibuprofen", dose: "200 mg", recordedById: patient.id },
  });
}

const db = (world: SampleWorld) => world.clinic.db;

/** Ids of another clinic's rows, by the field names this area's inputs use (every-action.test.ts). */
export async function medicationsForeignIds(other: TenantDb): Promise<[string, string][]> {
  return [
    ["lineId", (await activeLineIn(other)).id],
    ["reportedMedicationId", (await reportedIn(other)).id],
  ];
}

/** Samples for the actions under lib/actions that this area adds (see ACTION_SAMPLES). */
export const MEDICATIONS_SAMPLES: [string, Sample][] = [
  [
    "medications/stop-medication",
    async (world) => ({ lineId: (await activeLineIn(db(world))).id, reason: "Rash on the arms" }),
  ],
  ["medications/complete-medication", async (world) => ({ lineId: (await activeLineIn(db(world))).id })],
  ["medications/represcribe-medication", async (world) => ({ lineId: (await activeLineIn(db(world))).id })],
  [
    "medications/record-reported-medication",
    async (world) => ({
      patientId: (await rowsOf(db(world)).patient()).id,
      name: "Ibuprofen",
      dose: "200 mg",
      frequency: "when needed",
      since: "2024-03",
      note: "Bought at the pharmacy",
    }),
  ],
  [
    "medications/stop-reported-medication",
    async (world) => ({
      reportedMedicationId: (await reportedIn(db(world))).id,
      reason: "No longer takes it",
    }),
  ],
  [
    "medications/mark-reported-medication-entered-in-error",
    async (world) => ({ reportedMedicationId: (await reportedIn(db(world))).id, reason: "Wrong patient" }),
  ],
];
