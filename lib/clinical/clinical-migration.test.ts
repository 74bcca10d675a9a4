import { afterEach, beforeEach, expect, it } from "vitest";
import { withDatabaseName } from "../db/database-url";
import { openClinicClient } from "../tenancy/clinic-client";
import { ClinicDatabaseService } from "../tenancy/clinic-database-service";
import { runFleetUpdate } from "../tenancy/fleet";
import { adminDatabaseUrl, adminQuery } from "../testing/databases";
import { createTestPlatform, type TestPlatform } from "../testing/platform";

// The clinical record reaches clinics made before it the way every change does: tenant:update-schema.
const CLINICAL_RECORD = "20261130041753_clinical_record";

let platform: TestPlatform;

beforeEach(async () => {
  platform = await createTestPlatform();
});

afterEach(async () => {
  await platform.cleanup();
});

/**
 * A clinic as it was before the clinical record: provisioned today (code at version N cannot seed a
 * database at N-1), then the migration's objects dropped and its record removed, on the server and
 * in the central row.
 */
async function clinicBeforeClinicalRecord() {
  const service = new ClinicDatabaseService({ central: platform.central, env: platform.env });
  const clinic = await service.provisionClinic({
    name: "Older",
    subdomain: "older",
    ownerId: platform.owner.id,
  });
  const url = withDatabaseName(adminDatabaseUrl(), clinic.databaseName);
  await adminQuery(
    `DROP TABLE invoice_applied_totals CASCADE;
     DROP FUNCTION invoice_applied_totals_add(), invoice_applied_totals_derived() CASCADE;
     DROP TABLE day_closes, refunds, payment_allocations, payments, document_counters, invoice_lines, invoices,
       appointment_types, billable_items CASCADE;
     DROP FUNCTION invoice_lock(), invoice_line_lock(), clinic_currency_fixed() CASCADE;
     DROP TYPE "TaxTreatment", "InvoiceKind", "InvoiceStatus", "BillTo", "PaymentMethod";
     ALTER TABLE clinic_settings DROP COLUMN legal_name, DROP COLUMN legal_address, DROP COLUMN tax_id,
       DROP COLUMN prices_include_tax, DROP COLUMN no_show_item_id;
     ALTER TABLE appointments DROP COLUMN type_id;
     ALTER TABLE doctor_profiles DROP COLUMN default_type_id;
     DROP TABLE document_prints, referral_letters, sick_notes, medication_favourites, reported_medications,
       prescription_lines, prescriptions;
     DROP FUNCTION prescription_lock(), prescription_line_lock(), written_once();
     DROP SEQUENCE prescription_number_seq;
     DROP TYPE "PrescriptionStatus", "MedicationStatus", "DoseFrequency", "DurationUnit",
       "ReportedMedicationStatus", "PrintKind";
     ALTER TABLE clinic_settings DROP COLUMN country, DROP COLUMN paper_size;
     DROP TABLE document_contents, patient_documents, immunizations, diagnoses, allergies, vital_signs,
       note_templates, note_addenda, clinical_notes, visits;
     DROP FUNCTION clinical_note_lock(), note_addendum_append_only();
     DROP TYPE "NoteKind", "NoteStatus", "TemplateKind", "AllergyCategory", "AllergyStatus",
       "AllergyVerification", "DiagnosisStatus", "DocumentCategory";
     ALTER TABLE patients DROP COLUMN no_known_allergies_at, DROP COLUMN no_known_allergies_by_id;
     ALTER TABLE clinic_settings DROP COLUMN unit_system, DROP COLUMN diagnosis_code_system,
       DROP COLUMN max_upload_mb;
     DELETE FROM _prisma_migrations WHERE migration_name >= '${CLINICAL_RECORD}';
     INSERT INTO patients (id, first_name, last_name, date_of_birth, updated_at)
       VALUES ('${PATIENT_ID}', 'Ada', 'Older', '1950-03-01', now());`,
    [],
    url,
  );
  const previous = await adminQuery(
    "SELECT max(migration_name) AS name FROM _prisma_migrations WHERE finished_at IS NOT NULL",
    [],
    url,
  );
  await platform.central.clinic.update({
    where: { id: clinic.id },
    data: { schemaVersion: previous.rows[0]?.name },
  });
  return clinic;
}

const PATIENT_ID = "00000000-0000-4000-8000-000000000001";

it("reaches a clinic made before it through the fleet rollout, which keeps its data and locks signed notes", async () => {
  await clinicBeforeClinicalRecord();

  const summary = await runFleetUpdate({
    central: platform.central,
    centralUrl: platform.centralUrl,
    env: platform.env,
  });
  expect(summary.failed).toBe(0);
  expect(summary.results.find((result) => result.subdomain === "older")?.applied).toContain(CLINICAL_RECORD);

  const client = await openClinicClient({ central: platform.central, subdomain: "older" });
  try {
    const { db } = client;
    const patient = await db.patient.findUniqueOrThrow({
      where: { id: "00000000-0000-4000-8000-000000000001" },
    });
    expect(patient.noKnownAllergiesAt).toBeNull();
    const settings = await db.clinicSetting.findUniqueOrThrow({ where: { id: 1 } });
    expect(settings).toMatchObject({ unitSystem: "METRIC", maxUploadMb: 10 });

    // As the clinic's own role: write a note, sign it, and find its content locked.
    const doctor = await db.staffUser.create({
      data: { email: "doc@older.test", name: "Dr Older", passwordHash: "x", role: "DOCTOR" },
    });
    const location = await db.location.findFirstOrThrow();
    const visit = await db.visit.create({
      data: { patientId: patient.id, doctorId: doctor.id, locationId: location.id, reason: "Check-up" },
    });
    const note = await db.clinicalNote.create({
      data: {
        visitId: visit.id,
        patientId: patient.id,
        authorId: doctor.id,
        kind: "SOAP",
        subjective: "Well",
      },
    });
    await db.clinicalNote.update({
      where: { id: note.id },
      data: { status: "SIGNED", signedAt: new Date() },
    });
    await expect(
      db.$executeRaw`UPDATE clinical_notes SET subjective = 'Changed' WHERE id = ${note.id}::uuid`,
    ).rejects.toThrow(/signed note cannot be changed/);
    await expect(db.clinicalNote.delete({ where: { id: note.id } })).rejects.toThrow(/cannot be deleted/);
    await db.clinicalNote.update({
      where: { id: note.id },
      data: {
        status: "ENTERED_IN_ERROR",
        enteredInErrorAt: new Date(),
        enteredInErrorReason: "Wrong patient",
      },
    });
    const kept = await db.clinicalNote.findUniqueOrThrow({ where: { id: note.id } });
    expect(kept).toMatchObject({ status: "ENTERED_IN_ERROR", subjective: "Well" });
  } finally {
    await client.close();
  }
});
