-- CreateEnum
CREATE TYPE "NoteKind" AS ENUM ('SOAP', 'TRIAGE', 'INJECTION', 'DRESSING');

-- CreateEnum
CREATE TYPE "NoteStatus" AS ENUM ('DRAFT', 'SIGNED', 'ENTERED_IN_ERROR');

-- CreateEnum
CREATE TYPE "TemplateKind" AS ENUM ('TEMPLATE', 'QUICK_TEXT');

-- CreateEnum
CREATE TYPE "AllergyCategory" AS ENUM ('DRUG', 'FOOD', 'ENVIRONMENT');

-- CreateEnum
CREATE TYPE "AllergyStatus" AS ENUM ('ACTIVE', 'INACTIVE', 'RESOLVED');

-- CreateEnum
CREATE TYPE "AllergyVerification" AS ENUM ('CONFIRMED', 'UNCONFIRMED', 'REFUTED', 'ENTERED_IN_ERROR');

-- CreateEnum
CREATE TYPE "DiagnosisStatus" AS ENUM ('ACTIVE', 'RESOLVED', 'ENTERED_IN_ERROR');

-- CreateEnum
CREATE TYPE "DocumentCategory" AS ENUM ('ID', 'INSURANCE_CARD', 'REFERRAL_LETTER', 'CONSENT', 'RESULTS', 'LETTER', 'IMAGE');

-- AlterTable
ALTER TABLE "patients" ADD COLUMN     "no_known_allergies_at" TIMESTAMPTZ(3),
ADD COLUMN     "no_known_allergies_by_id" UUID;

-- AlterTable
ALTER TABLE "clinic_settings" ADD COLUMN     "diagnosis_code_system" TEXT NOT NULL DEFAULT 'ICD-10-CM FY2026',
ADD COLUMN     "max_upload_mb" INTEGER NOT NULL DEFAULT 10,
ADD COLUMN     "unit_system" TEXT NOT NULL DEFAULT 'METRIC';

-- CreateTable
CREATE TABLE "visits" (
    "id" UUID NOT NULL,
    "patient_id" UUID NOT NULL,
    "doctor_id" UUID NOT NULL,
    "location_id" UUID NOT NULL,
    "appointment_id" UUID,
    "reason" TEXT NOT NULL,
    "started_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "started_by_id" UUID,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "visits_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "clinical_notes" (
    "id" UUID NOT NULL,
    "visit_id" UUID NOT NULL,
    "patient_id" UUID NOT NULL,
    "author_id" UUID NOT NULL,
    "kind" "NoteKind" NOT NULL,
    "status" "NoteStatus" NOT NULL DEFAULT 'DRAFT',
    "subjective" TEXT NOT NULL DEFAULT '',
    "objective" TEXT NOT NULL DEFAULT '',
    "assessment" TEXT NOT NULL DEFAULT '',
    "plan" TEXT NOT NULL DEFAULT '',
    "body" TEXT NOT NULL DEFAULT '',
    "revision" INTEGER NOT NULL DEFAULT 0,
    "signed_at" TIMESTAMPTZ(3),
    "entered_in_error_at" TIMESTAMPTZ(3),
    "entered_in_error_by_id" UUID,
    "entered_in_error_reason" TEXT,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "clinical_notes_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "note_addenda" (
    "id" UUID NOT NULL,
    "note_id" UUID NOT NULL,
    "author_id" UUID NOT NULL,
    "body" TEXT NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "note_addenda_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "note_templates" (
    "id" UUID NOT NULL,
    "owner_id" UUID,
    "kind" "TemplateKind" NOT NULL,
    "name" TEXT NOT NULL,
    "code" TEXT,
    "body" TEXT NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "note_templates_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "vital_signs" (
    "id" UUID NOT NULL,
    "patient_id" UUID NOT NULL,
    "visit_id" UUID,
    "taken_at" TIMESTAMPTZ(3) NOT NULL,
    "recorded_by_id" UUID NOT NULL,
    "height_value" DECIMAL(6,2),
    "height_unit" TEXT,
    "height_cm" DOUBLE PRECISION,
    "weight_value" DECIMAL(7,3),
    "weight_unit" TEXT,
    "weight_kg" DOUBLE PRECISION,
    "bmi" DECIMAL(4,1),
    "temperature_value" DECIMAL(4,1),
    "temperature_unit" TEXT,
    "temperature_c" DOUBLE PRECISION,
    "heart_rate" INTEGER,
    "respiratory_rate" INTEGER,
    "systolic" INTEGER,
    "diastolic" INTEGER,
    "spo2" INTEGER,
    "pain_score" INTEGER,
    "entered_in_error_at" TIMESTAMPTZ(3),
    "entered_in_error_by_id" UUID,
    "entered_in_error_reason" TEXT,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "vital_signs_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "allergies" (
    "id" UUID NOT NULL,
    "patient_id" UUID NOT NULL,
    "substance" TEXT NOT NULL,
    "category" "AllergyCategory" NOT NULL,
    "reactions" JSONB NOT NULL DEFAULT '[]',
    "status" "AllergyStatus" NOT NULL DEFAULT 'ACTIVE',
    "verification" "AllergyVerification" NOT NULL DEFAULT 'UNCONFIRMED',
    "onset" TEXT,
    "note" TEXT,
    "recorded_by_id" UUID NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "allergies_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "diagnoses" (
    "id" UUID NOT NULL,
    "patient_id" UUID NOT NULL,
    "visit_id" UUID,
    "code_system" TEXT NOT NULL,
    "code" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "in_code_list" BOOLEAN NOT NULL DEFAULT true,
    "on_problem_list" BOOLEAN NOT NULL DEFAULT false,
    "status" "DiagnosisStatus" NOT NULL DEFAULT 'ACTIVE',
    "onset" TEXT,
    "resolved_at" TIMESTAMPTZ(3),
    "recorded_by_id" UUID NOT NULL,
    "entered_in_error_reason" TEXT,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "diagnoses_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "immunizations" (
    "id" UUID NOT NULL,
    "patient_id" UUID NOT NULL,
    "visit_id" UUID,
    "vaccine" TEXT NOT NULL,
    "dose_number" INTEGER,
    "lot_number" TEXT,
    "expiry_date" DATE,
    "site" TEXT,
    "route" TEXT,
    "given_on" DATE NOT NULL,
    "given_by_id" UUID,
    "given_by_name" TEXT,
    "recorded_by_id" UUID NOT NULL,
    "entered_in_error_at" TIMESTAMPTZ(3),
    "entered_in_error_reason" TEXT,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "immunizations_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "patient_documents" (
    "id" UUID NOT NULL,
    "patient_id" UUID NOT NULL,
    "visit_id" UUID,
    "category" "DocumentCategory" NOT NULL,
    "title" TEXT NOT NULL,
    "file_name" TEXT NOT NULL,
    "content_type" TEXT NOT NULL,
    "size_bytes" INTEGER NOT NULL,
    "sha256" TEXT NOT NULL,
    "uploaded_by_id" UUID NOT NULL,
    "entered_in_error_at" TIMESTAMPTZ(3),
    "entered_in_error_reason" TEXT,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "patient_documents_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "document_contents" (
    "document_id" UUID NOT NULL,
    "bytes" BYTEA NOT NULL,

    CONSTRAINT "document_contents_pkey" PRIMARY KEY ("document_id")
);

-- CreateIndex
CREATE UNIQUE INDEX "visits_appointment_id_key" ON "visits"("appointment_id");

-- CreateIndex
CREATE INDEX "visits_patient_id_started_at_idx" ON "visits"("patient_id", "started_at");

-- CreateIndex
CREATE INDEX "visits_doctor_id_started_at_idx" ON "visits"("doctor_id", "started_at");

-- CreateIndex
CREATE INDEX "clinical_notes_visit_id_idx" ON "clinical_notes"("visit_id");

-- CreateIndex
CREATE INDEX "clinical_notes_patient_id_created_at_idx" ON "clinical_notes"("patient_id", "created_at");

-- CreateIndex
CREATE INDEX "clinical_notes_author_id_status_idx" ON "clinical_notes"("author_id", "status");

-- CreateIndex
CREATE INDEX "note_addenda_note_id_created_at_idx" ON "note_addenda"("note_id", "created_at");

-- CreateIndex
CREATE INDEX "note_templates_owner_id_kind_idx" ON "note_templates"("owner_id", "kind");

-- CreateIndex
CREATE INDEX "vital_signs_patient_id_taken_at_idx" ON "vital_signs"("patient_id", "taken_at");

-- CreateIndex
CREATE INDEX "allergies_patient_id_idx" ON "allergies"("patient_id");

-- CreateIndex
CREATE INDEX "diagnoses_patient_id_created_at_idx" ON "diagnoses"("patient_id", "created_at");

-- CreateIndex
CREATE INDEX "diagnoses_visit_id_idx" ON "diagnoses"("visit_id");

-- CreateIndex
CREATE INDEX "immunizations_patient_id_given_on_idx" ON "immunizations"("patient_id", "given_on");

-- CreateIndex
CREATE INDEX "patient_documents_patient_id_created_at_idx" ON "patient_documents"("patient_id", "created_at");

-- AddForeignKey
ALTER TABLE "visits" ADD CONSTRAINT "visits_patient_id_fkey" FOREIGN KEY ("patient_id") REFERENCES "patients"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "visits" ADD CONSTRAINT "visits_doctor_id_fkey" FOREIGN KEY ("doctor_id") REFERENCES "staff_users"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "visits" ADD CONSTRAINT "visits_location_id_fkey" FOREIGN KEY ("location_id") REFERENCES "locations"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "visits" ADD CONSTRAINT "visits_appointment_id_fkey" FOREIGN KEY ("appointment_id") REFERENCES "appointments"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "clinical_notes" ADD CONSTRAINT "clinical_notes_visit_id_fkey" FOREIGN KEY ("visit_id") REFERENCES "visits"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "clinical_notes" ADD CONSTRAINT "clinical_notes_patient_id_fkey" FOREIGN KEY ("patient_id") REFERENCES "patients"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "clinical_notes" ADD CONSTRAINT "clinical_notes_author_id_fkey" FOREIGN KEY ("author_id") REFERENCES "staff_users"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "note_addenda" ADD CONSTRAINT "note_addenda_note_id_fkey" FOREIGN KEY ("note_id") REFERENCES "clinical_notes"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "note_templates" ADD CONSTRAINT "note_templates_owner_id_fkey" FOREIGN KEY ("owner_id") REFERENCES "staff_users"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "vital_signs" ADD CONSTRAINT "vital_signs_patient_id_fkey" FOREIGN KEY ("patient_id") REFERENCES "patients"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "vital_signs" ADD CONSTRAINT "vital_signs_visit_id_fkey" FOREIGN KEY ("visit_id") REFERENCES "visits"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "allergies" ADD CONSTRAINT "allergies_patient_id_fkey" FOREIGN KEY ("patient_id") REFERENCES "patients"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "diagnoses" ADD CONSTRAINT "diagnoses_patient_id_fkey" FOREIGN KEY ("patient_id") REFERENCES "patients"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "diagnoses" ADD CONSTRAINT "diagnoses_visit_id_fkey" FOREIGN KEY ("visit_id") REFERENCES "visits"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "immunizations" ADD CONSTRAINT "immunizations_patient_id_fkey" FOREIGN KEY ("patient_id") REFERENCES "patients"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "immunizations" ADD CONSTRAINT "immunizations_visit_id_fkey" FOREIGN KEY ("visit_id") REFERENCES "visits"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "patient_documents" ADD CONSTRAINT "patient_documents_patient_id_fkey" FOREIGN KEY ("patient_id") REFERENCES "patients"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "patient_documents" ADD CONSTRAINT "patient_documents_visit_id_fkey" FOREIGN KEY ("visit_id") REFERENCES "visits"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "document_contents" ADD CONSTRAINT "document_contents_document_id_fkey" FOREIGN KEY ("document_id") REFERENCES "patient_documents"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Hand-written: what the database itself guarantees about the clinical record.

-- A quick text's code is unique per owner (the clinic's own: owner_id null), whatever its case.
CREATE UNIQUE INDEX "note_templates_quick_text_code_key" ON "note_templates"
  (COALESCE("owner_id", '00000000-0000-0000-0000-000000000000'::uuid), lower("code"))
  WHERE "kind" = 'QUICK_TEXT';
ALTER TABLE "note_templates" ADD CONSTRAINT "note_templates_quick_text_has_code"
  CHECK ("kind" <> 'QUICK_TEXT' OR length(btrim("code")) > 0);

ALTER TABLE "clinical_notes" ADD CONSTRAINT "clinical_notes_signed_has_time"
  CHECK ("status" <> 'SIGNED' OR "signed_at" IS NOT NULL);
ALTER TABLE "clinical_notes" ADD CONSTRAINT "clinical_notes_error_has_reason"
  CHECK ("status" <> 'ENTERED_IN_ERROR'
    OR ("entered_in_error_at" IS NOT NULL AND length(btrim(coalesce("entered_in_error_reason", ''))) > 0));

-- A signed note's content is locked for every client, the clinic's own role included: only the
-- move SIGNED -> ENTERED_IN_ERROR (with who, when and why) is allowed, and a signed note is never
-- deleted. SQLSTATE CR001 lets the application tell this refusal from other errors.
CREATE FUNCTION "clinical_note_lock"() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  allowed CONSTANT text[] := ARRAY['status', 'entered_in_error_at', 'entered_in_error_by_id',
                                   'entered_in_error_reason', 'updated_at'];
BEGIN
  IF TG_OP = 'DELETE' THEN
    IF OLD."status" <> 'DRAFT' THEN
      RAISE EXCEPTION 'A signed note cannot be deleted; mark it entered in error instead.'
        USING ERRCODE = 'CR001';
    END IF;
    RETURN OLD;
  END IF;
  IF OLD."status" = 'DRAFT' THEN
    RETURN NEW;
  END IF;
  IF (to_jsonb(NEW) - allowed) IS DISTINCT FROM (to_jsonb(OLD) - allowed)
     OR OLD."status" = 'ENTERED_IN_ERROR'
     OR NEW."status" NOT IN ('SIGNED', 'ENTERED_IN_ERROR')
     OR (NEW."status" = 'SIGNED' AND (to_jsonb(NEW) - 'updated_at') IS DISTINCT FROM (to_jsonb(OLD) - 'updated_at')) THEN
    RAISE EXCEPTION 'A signed note cannot be changed; add an addendum instead.'
      USING ERRCODE = 'CR001';
  END IF;
  RETURN NEW;
END;
$$;

CREATE TRIGGER "clinical_notes_lock" BEFORE UPDATE OR DELETE ON "clinical_notes"
  FOR EACH ROW EXECUTE FUNCTION "clinical_note_lock"();

-- Addenda are append-only, and only a signed note takes one.
CREATE FUNCTION "note_addendum_append_only"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    IF NOT EXISTS (SELECT 1 FROM "clinical_notes" WHERE "id" = NEW."note_id" AND "status" = 'SIGNED') THEN
      RAISE EXCEPTION 'Only a signed note takes an addendum.' USING ERRCODE = 'CR001';
    END IF;
    RETURN NEW;
  END IF;
  RAISE EXCEPTION 'An addendum cannot be changed or deleted; add another one.' USING ERRCODE = 'CR001';
END;
$$;

CREATE TRIGGER "note_addenda_append_only" BEFORE INSERT OR UPDATE OR DELETE ON "note_addenda"
  FOR EACH ROW EXECUTE FUNCTION "note_addendum_append_only"();
