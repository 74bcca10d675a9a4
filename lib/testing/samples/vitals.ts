import type { TenantDb } from "../../tenancy/tenant-db";
import type { Sample } from "../action-samples";
import { rowsOf } from "../sample-rows";

/** Samples for the actions under lib/actions that this area adds (see ACTION_SAMPLES). */
export const VITALS_SAMPLES: [string, Sample][] = [
  [
    "vitals/record-vitals",
    async (world) => ({
      patientId: (await rowsOf(world.clinic.db).patient()).id,
      heightValue: "177",
      heightUnit: "cm",
      weightValue: "70.5",
      weightUnit: "kg",
      temperatureValue: "37.2",
      temperatureUnit: "Cel",
      heartRate: "72",
      systolic: "120",
      diastolic: "80",
      spo2: "98",
    }),
  ],
  [
    "vitals/mark-vitals-entered-in-error",
    async (world) => {
      const db = world.clinic.db;
      const patient = await rowsOf(db).patient();
      const vitals = await db.vitalSigns.create({
        data: {
          patientId: patient.id,
          takenAt: new Date(),
          recordedById: world.clinic.members.NURSE.id,
          heartRate: 72,
        },
      });
      return { vitalsId: vitals.id, reason: "Recorded on the wrong patient" };
    },
  ],
];

/** Ids of this area's rows in another clinic, by the input field names that carry them (every-action.test.ts). */
export async function vitalsForeignIds(db: TenantDb): Promise<[string, string][]> {
  const rows = rowsOf(db);
  const vitals = await db.vitalSigns.create({
    data: {
      patientId: (await rows.patient()).id,
      takenAt: new Date(),
      recordedById: (await rows.doctor()).id,
      spo2: 97,
    },
  });
  return [["vitalsId", vitals.id]];
}
