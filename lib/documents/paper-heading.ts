import { z } from "zod";
import { AppError } from "@/lib/errors";
import type { TenantDb } from "@/lib/tenancy/tenant-db";
import { COUNTRIES, COUNTRY_PROFILES, isCountry, isPaperSize, PAPER_SIZES } from "./country-profiles";

/**
 * Who and where a printed document is from and for, fixed when it is signed or written: a
 * reprint shows the address the patient had then, and a doctor's later move changes nothing.
 * Stored as JSON on the prescription or letter, and parsed again when read.
 */
export const paperHeadingSchema = z.object({
  clinic: z.object({
    name: z.string(),
    country: z.enum(COUNTRIES),
    paperSize: z.enum(PAPER_SIZES),
    timezone: z.string(),
    dateOrder: z.string(),
  }),
  location: z.object({ name: z.string(), address: z.string().nullable(), phone: z.string().nullable() }),
  author: z.object({
    id: z.string(),
    name: z.string(),
    /** "Doctor", "Nurse"… */
    kind: z.string(),
    specialty: z.string().nullable(),
    registration: z.string().nullable(),
  }),
  patient: z.object({
    id: z.string(),
    name: z.string(),
    address: z.string().nullable(),
    /** YYYY-MM-DD */
    dateOfBirth: z.string(),
    mrn: z.string(),
  }),
  /** ISO 8601: when it was signed or written. */
  writtenAt: z.string(),
});

export type PaperHeading = z.infer<typeof paperHeadingSchema>;

const KIND_OF_ROLE: Record<string, string> = { DOCTOR: "Doctor", NURSE: "Nurse" };

/** Reads the clinic, location, author and patient as they are now, for a document written at `at`. */
export async function buildPaperHeading(options: {
  db: TenantDb;
  patientId: string;
  authorId: string;
  locationId: string;
  at: Date;
}): Promise<PaperHeading> {
  const { db, patientId, authorId, locationId, at } = options;
  const [settings, location, author, patient] = await Promise.all([
    db.clinicSetting.findUniqueOrThrow({ where: { id: 1 } }),
    db.location.findUnique({ where: { id: locationId } }),
    db.staffUser.findUnique({ where: { id: authorId }, include: { doctorProfile: true } }),
    db.patient.findUnique({ where: { id: patientId } }),
  ]);
  if (!location) throw new AppError("NOT_FOUND", "No such location in this clinic.");
  if (!author) throw new AppError("NOT_FOUND", "No such clinician in this clinic.");
  if (!patient) throw new AppError("NOT_FOUND", "No such patient in this clinic.");
  return {
    clinic: {
      name: settings.name,
      country: isCountry(settings.country) ? settings.country : "GENERIC",
      paperSize: isPaperSize(settings.paperSize) ? settings.paperSize : "A4",
      timezone: settings.timezone,
      dateOrder: settings.dateOrder,
    },
    location: {
      name: location.name,
      address: location.address,
      phone: location.phone ?? settings.contactPhone,
    },
    author: {
      id: author.id,
      name: author.name,
      kind: KIND_OF_ROLE[author.role] ?? "Clinician",
      specialty: author.doctorProfile?.specialty ?? null,
      registration: author.doctorProfile?.licenceNumber ?? null,
    },
    patient: {
      id: patient.id,
      name: `${patient.firstName} ${patient.lastName}`,
      address: patient.address,
      dateOfBirth: patient.dateOfBirth.toISOString().slice(0, 10),
      mrn: patient.mrn,
    },
    writtenAt: at.toISOString(),
  };
}

/**
 * What the clinic's country requires on a prescription that this heading lacks, each said as what
 * to do next ("Add the patient's address on their page"). Empty when it may be signed.
 */
export function missingForPrescription(heading: PaperHeading): string[] {
  const profile = COUNTRY_PROFILES[heading.clinic.country];
  const missing: string[] = [];
  if (profile.requires.patientAddress && !heading.patient.address?.trim())
    missing.push(
      `A ${profile.label} prescription shows the patient's address: add it on the patient's page.`,
    );
  if (profile.requires.prescriberRegistration && !heading.author.registration?.trim())
    missing.push(
      `A ${profile.label} prescription shows the prescriber's ${profile.registrationLabel}: add it to the doctor's profile.`,
    );
  if (profile.requires.locationPhone && !heading.location.phone?.trim())
    missing.push(
      `A ${profile.label} prescription shows a phone number: add one to the location "${heading.location.name}".`,
    );
  return missing;
}
