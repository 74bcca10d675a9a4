import type { TenantDb } from "../../tenancy/registry";
import type { Sample } from "../action-samples";
import { next, rowsOf } from "../sample-rows";

/** A PNG's signature and a few bytes: enough for the content check. */
export const PNG_BYTES = Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]);

/** An immunization in `db`, recorded as given elsewhere. */
export async function sampleImmunization(db: TenantDb, patientId?: string) {
  const rows = rowsOf(db);
  const recorder = await rows.member("NURSE");
  return db.immunization.create({
    data: {
      patientId: patientId ?? (await rows.patient()).id,
      vaccine: `Influenza ${next()}`,
      givenOn: new Date("2026-10-01"),
      givenByName: "City pharmacy",
      recordedById: recorder.id,
    },
  });
}

/** A stored document in `db` (an ID card unless told). */
export async function sampleDocument(
  db: TenantDb,
  options: { patientId?: string; category?: "ID" | "RESULTS" } = {},
) {
  const rows = rowsOf(db);
  const uploader = await rows.member("RECEPTIONIST");
  return db.patientDocument.create({
    data: {
      patientId: options.patientId ?? (await rows.patient()).id,
      category: options.category ?? "ID",
      title: `Passport ${next()}`,
      fileName: "passport.png",
      contentType: "image/png",
      sizeBytes: PNG_BYTES.byteLength,
      sha256: "0".repeat(64),
      uploadedById: uploader.id,
      content: { create: { bytes: Buffer.from(PNG_BYTES) } },
    },
  });
}

/** Ids of another clinic's immunization, document and nurse, by the field names the actions take. */
export async function recordsForeignIds(db: TenantDb): Promise<[string, string][]> {
  return [
    ["immunizationId", (await sampleImmunization(db)).id],
    ["documentId", (await sampleDocument(db)).id],
    ["givenById", (await rowsOf(db).member("NURSE")).id],
  ];
}

/** Samples for the actions under lib/actions that this area adds (see ACTION_SAMPLES). */
export const RECORDS_SAMPLES: [string, Sample][] = [
  [
    "immunizations/record-immunization",
    async (world) => ({
      patientId: (await rowsOf(world.clinic.db).patient()).id,
      vaccine: "Tetanus, diphtheria (Td)",
      doseNumber: 2,
      lotNumber: "AB123",
      expiryDate: "2027-06-30",
      site: "LEFT_DELTOID",
      route: "IM",
      givenOn: "2026-11-02",
      givenById: world.clinic.members.NURSE.id,
      givenByName: "",
    }),
  ],
  [
    "immunizations/mark-immunization-entered-in-error",
    async (world) => ({
      immunizationId: (await sampleImmunization(world.clinic.db)).id,
      reason: "Recorded on the wrong patient",
    }),
  ],
  [
    "documents/mark-document-entered-in-error",
    async (world) => ({
      documentId: (await sampleDocument(world.clinic.db)).id,
      reason: "Uploaded to the wrong patient",
    }),
  ],
];
