import type { TenantDb } from "../../tenancy/registry";
import type { Sample, SampleWorld } from "../action-samples";
import { clinicalRowsOf } from "./notes";

/** Ids of another clinic's rows, by the field names this area's inputs use (every-action.test.ts). */
export async function lettersForeignIds(_db: TenantDb): Promise<[string, string][]> {
  // patientId and visitId are given by every-action.test.ts and the notes area.
  return [];
}

const today = () => new Date().toISOString().slice(0, 10);
const visitOf = async (world: SampleWorld) =>
  clinicalRowsOf(world.clinic.db).visit({ doctorId: world.clinic.members.DOCTOR.id });

/** Samples for the actions under lib/actions that this area adds (see ACTION_SAMPLES). */
export const LETTERS_SAMPLES: [string, Sample][] = [
  [
    "letters/write-sick-note",
    async (world) => {
      const visit = await visitOf(world);
      return {
        patientId: visit.patientId,
        visitId: visit.id,
        unfitFrom: today(),
        unfitTo: today(),
        condition: "",
        remarks: "",
        body: "In my opinion the patient is not fit for work today.",
      };
    },
  ],
  [
    "letters/write-referral-letter",
    async (world) => {
      const visit = await visitOf(world);
      return {
        patientId: visit.patientId,
        visitId: visit.id,
        recipient: "Cardiology clinic, City Hospital",
        recipientAddress: "",
        urgency: "ROUTINE",
        reason: "Chest pain on exertion",
        history: "Active problems:\n- None recorded.",
        body: "Dear colleague, I would be grateful if you would see this patient.",
      };
    },
  ],
];
