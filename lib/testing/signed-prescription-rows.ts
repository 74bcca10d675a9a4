import { courseEndOf } from "../clinical/prescriptions/course";
import { lineColumnsOf } from "../clinical/prescriptions/drafts";
import { buildPaperHeading } from "../documents/paper-heading";
import type { TenantDb } from "../tenancy/tenant-db";
import type { PrescriptionLineValues } from "../validations/prescriptions";

/** Amoxicillin 500 mg capsules three times a day for 7 days: a line a test changes what it needs of. */
export const AMOXICILLIN: PrescriptionLineValues = {
  medicationName: "Amoxicillin",
  strength: "500 mg",
  doseForm: "capsule",
  route: "by mouth",
  doseAmount: "1",
  doseUnit: "capsule",
  frequency: "THREE_TIMES_DAILY",
  everyHours: null,
  weekday: null,
  asNeededFor: null,
  durationValue: 7,
  durationUnit: "DAY",
  quantity: "21",
  quantityUnit: "capsules",
  refills: 0,
  instructions: "Finish the course.",
};

/**
 * A signed prescription written straight into the rows, as signing leaves them (number from the
 * sequence, heading fixed, lines ACTIVE with their course): for tests, where the signing code is
 * another area's. Doctor and location are made when not given.
 */
export async function createSignedPrescriptionRows(
  db: TenantDb,
  options: {
    patientId: string;
    prescriberId?: string;
    locationId?: string;
    lines?: Partial<PrescriptionLineValues>[];
    signedAt?: Date;
  },
) {
  const signedAt = options.signedAt ?? new Date();
  const prescriberId =
    options.prescriberId ??
    (
      await db.staffUser.create({
        data: {
          email: `rx${crypto.randomUUID()}@sample.test`,
          name: "Dr Rx Writer",
          role: "DOCTOR",
          passwordHash: "!",
        },
      })
    ).id;
  const locationId =
    options.locationId ??
    (await db.location.create({ data: { name: `Rx branch ${crypto.randomUUID().slice(0, 8)}` } })).id;
  const lines = (options.lines ?? [{}]).map((line) => ({ ...AMOXICILLIN, ...line }));
  const heading = await buildPaperHeading({
    db,
    patientId: options.patientId,
    authorId: prescriberId,
    locationId,
    at: signedAt,
  });
  return db.$transaction(async (tx) => {
    const draft = await tx.prescription.create({
      data: { patientId: options.patientId, prescriberId, locationId },
    });
    await tx.prescriptionLine.createMany({
      data: lines.map((line, position) => ({
        ...lineColumnsOf(line),
        prescriptionId: draft.id,
        patientId: options.patientId,
        position,
        status: "ACTIVE" as const,
        startsAt: signedAt,
        endsAt: courseEndOf(line, signedAt),
      })),
    });
    const [{ value }] = await tx.$queryRaw<
      [{ value: bigint }]
    >`SELECT nextval('prescription_number_seq') AS value`;
    const prescription = await tx.prescription.update({
      where: { id: draft.id },
      data: { status: "SIGNED", number: `RX-${String(value).padStart(6, "0")}`, heading, signedAt },
    });
    const saved = await tx.prescriptionLine.findMany({
      where: { prescriptionId: draft.id },
      orderBy: { position: "asc" },
    });
    return { prescription, lines: saved };
  });
}
