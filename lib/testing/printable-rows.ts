import { randomBytes } from "node:crypto";
import { buildPaperHeading } from "../documents/paper-heading";
import type { MedicationStatus } from "../generated/tenant/enums";
import type { TenantDb } from "../tenancy/tenant-db";
import type { PrescriptionLineValues } from "../validations/prescriptions";
import { next } from "./sample-rows";

/** A line as the prescription form saves it: 5 ml three times a day for 7 days. */
export const SAMPLE_LINE: PrescriptionLineValues = {
  medicationName: "Amoxicillin",
  strength: "250 mg/5 ml",
  doseForm: "oral suspension",
  route: "by mouth",
  doseAmount: "5",
  doseUnit: "ml",
  frequency: "THREE_TIMES_DAILY",
  everyHours: null,
  weekday: null,
  asNeededFor: null,
  durationValue: 7,
  durationUnit: "DAY",
  quantity: "100",
  quantityUnit: "ml",
  refills: 0,
  instructions: "Shake the bottle well.",
};

/** Unique across processes too: the e2e specs make these rows in the demo clinic's database. */
const unique = () => `${next()}${randomBytes(2).toString("hex")}`;

/**
 * Signed prescriptions, sick notes and referral letters written straight into a clinic's database
 * (the signing and letter-writing code is another area's), each with a heading as signing makes it.
 */
export function printableRowsOf(db: TenantDb) {
  const doctor = async (options: { name?: string; registration?: string | null } = {}) => {
    const staff = await db.staffUser.create({
      data: {
        email: `rx${unique()}@sample.test`,
        name: options.name ?? "Dr Amara Okafor",
        role: "DOCTOR",
        passwordHash: "!",
      },
    });
    await db.doctorProfile.create({
      data: {
        staffId: staff.id,
        specialty: "General practice",
        licenceNumber: options.registration ?? "7123456",
      },
    });
    return staff;
  };
  const location = () =>
    db.location.create({
      data: {
        name: `Maple Street ${unique()}`,
        address: "12 Maple Street\nLeeds LS1 4AB",
        phone: "+44 113 496 0000",
      },
    });
  /** The accented name every printed document must keep intact. */
  const patient = (options: { dateOfBirth?: string } = {}) =>
    db.patient.create({
      data: {
        firstName: "Zoë",
        lastName: "Ångström-Núñez",
        dateOfBirth: new Date(options.dateOfBirth ?? "2019-05-05"),
        address: "4 Rue de la Paix, Flat 2\nLeeds LS2 9JT",
      },
    });
  const places = async (options: { patientId?: string; authorId?: string; locationId?: string }) => ({
    patientId: options.patientId ?? (await patient()).id,
    authorId: options.authorId ?? (await doctor()).id,
    locationId: options.locationId ?? (await location()).id,
  });

  /** A prescription signed now (or left a draft), its lines active unless told otherwise. */
  const prescription = async (
    options: {
      patientId?: string;
      prescriberId?: string;
      locationId?: string;
      visitId?: string | null;
      lines?: PrescriptionLineValues[];
      status?: "DRAFT" | "SIGNED" | "CANCELLED" | "ENTERED_IN_ERROR";
      lineStatus?: MedicationStatus;
    } = {},
  ) => {
    const { patientId, authorId, locationId } = await places({ ...options, authorId: options.prescriberId });
    const lines = options.lines ?? [SAMPLE_LINE];
    const draft = await db.prescription.create({
      data: { patientId, prescriberId: authorId, locationId, visitId: options.visitId ?? null },
    });
    await db.prescriptionLine.createMany({
      data: lines.map((line, position) => ({ ...line, prescriptionId: draft.id, patientId, position })),
    });
    if (options.status === "DRAFT") return draft;
    const signedAt = new Date();
    const heading = await buildPaperHeading({ db, patientId, authorId, locationId, at: signedAt });
    const [{ value }] = await db.$queryRaw<
      [{ value: bigint }]
    >`SELECT nextval('prescription_number_seq') AS value`;
    const number = `RX-${String(value).padStart(6, "0")}`;
    await db.prescriptionLine.updateMany({
      where: { prescriptionId: draft.id },
      data: { status: "ACTIVE", startsAt: signedAt },
    });
    await db.prescription.update({
      where: { id: draft.id },
      data: { status: "SIGNED", number, signedAt, heading },
    });
    if (options.lineStatus && options.lineStatus !== "ACTIVE")
      await db.prescriptionLine.updateMany({
        where: { prescriptionId: draft.id, position: 0 },
        data: {
          status: options.lineStatus,
          statusReason: "Rash after the second dose",
          statusChangedAt: new Date(),
        },
      });
    if (options.status && options.status !== "SIGNED")
      await db.prescription.update({
        where: { id: draft.id },
        data: {
          status: options.status,
          statusReason: "Written for the wrong patient",
          statusChangedAt: new Date(),
        },
      });
    return db.prescription.findUniqueOrThrow({ where: { id: draft.id } });
  };

  const sickNote = async (options: { patientId?: string; authorId?: string; locationId?: string } = {}) => {
    const ids = await places(options);
    const heading = await buildPaperHeading({ db, ...ids, at: new Date() });
    return db.sickNote.create({
      data: {
        patientId: ids.patientId,
        authorId: ids.authorId,
        unfitFrom: new Date("2026-11-30"),
        unfitTo: new Date("2026-12-04"),
        body: "I assessed this patient today. Because of acute bronchitis they are not fit for work for the dates above.",
        heading,
      },
    });
  };

  const referralLetter = async (
    options: { patientId?: string; authorId?: string; locationId?: string } = {},
  ) => {
    const ids = await places(options);
    const heading = await buildPaperHeading({ db, ...ids, at: new Date() });
    return db.referralLetter.create({
      data: {
        patientId: ids.patientId,
        authorId: ids.authorId,
        recipient: "Dr Jonas Berg, Paediatric Respiratory Clinic",
        recipientAddress: "Leeds General Infirmary\nGreat George Street\nLeeds LS1 3EX",
        reason: "Recurrent wheeze not settling on a reliever inhaler",
        history: "Three episodes of wheeze since June; eczema; no hospital admissions.",
        body: "Dear Dr Berg,\n\nThank you for seeing this 7-year-old with recurrent wheeze not settling on a reliever inhaler.\n\nI would be grateful for your assessment and advice on preventer treatment.",
        heading,
      },
    });
  };

  return { doctor, location, patient, prescription, sickNote, referralLetter };
}
