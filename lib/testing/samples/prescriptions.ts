import type { StaffRole } from "../../generated/tenant/enums";
import type { TenantDb } from "../../tenancy/registry";
import type { Sample, SampleWorld } from "../action-samples";
import { sampleLine } from "../sample-lines";
import { next, rowsOf } from "../sample-rows";
import { createSignedPrescription } from "../signed-prescriptions";

/** Draft prescriptions and favourites made directly in a clinic's database, signed ones through the real code. */
export function prescriptionRowsOf(db: TenantDb) {
  const rows = rowsOf(db);
  /** A patient whose allergies are recorded as none known, so signing raises no warning. */
  const patient = async () => {
    const created = await rows.patient();
    return db.patient.update({ where: { id: created.id }, data: { noKnownAllergiesAt: new Date() } });
  };
  const draft = async (options: { prescriberId?: string; lines?: number } = {}) => {
    const prescriberId = options.prescriberId ?? (await rows.doctor()).id;
    const patientId = (await patient()).id;
    return db.prescription.create({
      data: {
        patientId,
        prescriberId,
        locationId: (await rows.location()).id,
        lines: {
          create: Array.from({ length: options.lines ?? 1 }, (_, position) => ({
            ...sampleLine(`Medicine ${next()}`),
            patientId,
            position,
          })),
        },
      },
    });
  };
  /** A draft as the editor sends it back (its id, version and patient), moved to `patientId` when given. */
  const editorDraft = async (options: { prescriberId: string; patientId?: string }) => {
    const created = await draft({ prescriberId: options.prescriberId });
    const patientId = options.patientId;
    if (patientId) {
      await db.prescriptionLine.updateMany({ where: { prescriptionId: created.id }, data: { patientId } });
      await db.prescription.update({ where: { id: created.id }, data: { patientId } });
    }
    const fresh = await db.prescription.findUniqueOrThrow({ where: { id: created.id } });
    return {
      prescriptionId: created.id,
      revision: fresh.updatedAt.toISOString(),
      patientId: fresh.patientId,
    };
  };
  /** A signed prescription whose lines are active, through the real drafting and signing code. */
  const signed = async (options: { prescriberId?: string } = {}) => {
    const patientId = (await patient()).id;
    return (
      await createSignedPrescription(db, {
        ...options,
        patientId,
        lines: [{ medicationName: `Medicine ${next()}` }],
      })
    ).prescription;
  };
  const favourite = async (ownerId?: string) =>
    db.medicationFavourite.create({
      data: {
        ownerId: ownerId ?? (await rows.doctor()).id,
        label: `Favourite ${next()}`,
        line: sampleLine(),
      },
    });
  return { patient, draft, editorDraft, signed, favourite };
}

/** Ids of another clinic's rows, by the field names this area's inputs use (every-action.test.ts). */
export async function prescriptionsForeignIds(db: TenantDb): Promise<[string, string][]> {
  const rows = prescriptionRowsOf(db);
  return [
    ["prescriptionId", (await rows.signed()).id],
    ["favouriteId", (await rows.favourite()).id],
  ];
}

const doctorOf = (world: SampleWorld, role: StaffRole = "DOCTOR") => world.clinic.members[role].id;
const rx = (world: SampleWorld) => prescriptionRowsOf(world.clinic.db);
const ownDraft = async (world: SampleWorld) => {
  const { prescriptionId, revision } = await rx(world).editorDraft({ prescriberId: doctorOf(world) });
  return { prescriptionId, revision };
};

/** Samples for the actions under lib/actions that this area adds (see ACTION_SAMPLES). */
export const PRESCRIPTIONS_SAMPLES: [string, Sample][] = [
  [
    "prescriptions/start-prescription",
    async (world) => {
      const patient = await rx(world).patient();
      const rows = rowsOf(world.clinic.db);
      const visit = await world.clinic.db.visit.create({
        data: {
          patientId: patient.id,
          doctorId: doctorOf(world),
          locationId: (await rows.location()).id,
          reason: "Sample visit",
        },
      });
      return { visitId: visit.id };
    },
  ],
  [
    "prescriptions/save-prescription-draft",
    async (world) => ({ ...(await ownDraft(world)), lines: [sampleLine()] }),
  ],
  [
    "prescriptions/sign-prescription",
    async (world) => ({ ...(await ownDraft(world)), lines: [sampleLine()], overrideReasons: [] }),
  ],
  [
    "prescriptions/discard-prescription-draft",
    async (world) => ({ prescriptionId: (await ownDraft(world)).prescriptionId }),
  ],
  [
    "prescriptions/cancel-prescription",
    async (world) => ({
      prescriptionId: (await rx(world).signed()).id,
      reason: "Patient changed their mind",
    }),
  ],
  [
    "prescriptions/mark-prescription-entered-in-error",
    async (world) => ({ prescriptionId: (await rx(world).signed()).id, reason: "Wrong patient" }),
  ],
  ["favourites/save-favourite", async () => ({ label: `Amoxicillin adult ${next()}`, line: sampleLine() })],
  [
    "favourites/delete-favourite",
    async (world) => ({ favouriteId: (await rx(world).favourite(doctorOf(world))).id }),
  ],
];
