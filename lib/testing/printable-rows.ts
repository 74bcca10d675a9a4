import { randomBytes } from "node:crypto";
import type { Withdrawal } from "../clinical/prescriptions/prescription-withdrawal";
import { buildPaperHeading } from "../documents/paper-heading";
import type { TenantDb } from "../tenancy/tenant-db";
import type { PrescriptionLineValues } from "../validations/prescriptions";
import { AMOXICILLIN_SUSPENSION } from "./sample-lines";
import { next } from "./sample-rows";
import {
  createDraftPrescription,
  createPrescriptionWithEndedLine,
  createSignedPrescription,
  createWithdrawnPrescription,
} from "./signed-prescriptions";

/** Unique across processes too: the e2e specs make these rows in the demo clinic's database. */
const unique = () => `${next()}${randomBytes(2).toString("hex")}`;

/**
 * The people and places a printed document names (an accented patient, a registered doctor, a
 * branch with a phone), their prescriptions through the real signing code, and sick notes and
 * referral letters written straight into the rows with a heading as writing them makes it.
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

  /**
   * A prescription through the real drafting, signing and withdrawal code: signed now with the
   * child's liquid (or left a draft, withdrawn, or its first medicine stopped).
   */
  const prescription = async (
    options: {
      patientId?: string;
      prescriberId?: string;
      locationId?: string;
      visitId?: string | null;
      lines?: PrescriptionLineValues[];
      status?: "DRAFT" | "SIGNED" | Withdrawal;
      lineStatus?: "ACTIVE" | "STOPPED" | "COMPLETED";
    } = {},
  ) => {
    const { patientId, authorId, locationId } = await places({ ...options, authorId: options.prescriberId });
    const fixture = {
      patientId,
      prescriberId: authorId,
      locationId,
      visitId: options.visitId,
      lines: options.lines ?? [AMOXICILLIN_SUSPENSION],
    };
    if (options.status === "DRAFT") return (await createDraftPrescription(db, fixture)).draft;
    if (options.status && options.status !== "SIGNED")
      return (await createWithdrawnPrescription(db, { ...fixture, to: options.status })).prescription;
    if (options.lineStatus && options.lineStatus !== "ACTIVE")
      return (await createPrescriptionWithEndedLine(db, { ...fixture, to: options.lineStatus })).prescription;
    return (await createSignedPrescription(db, fixture)).prescription;
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
