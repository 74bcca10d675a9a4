-- CreateEnum
CREATE TYPE "PrescriptionStatus" AS ENUM ('DRAFT', 'SIGNED', 'CANCELLED', 'ENTERED_IN_ERROR');

-- CreateEnum
CREATE TYPE "MedicationStatus" AS ENUM ('DRAFT', 'ACTIVE', 'COMPLETED', 'STOPPED', 'CANCELLED', 'ENTERED_IN_ERROR');

-- CreateEnum
CREATE TYPE "DoseFrequency" AS ENUM ('ONCE_DAILY', 'TWICE_DAILY', 'THREE_TIMES_DAILY', 'FOUR_TIMES_DAILY', 'EVERY_N_HOURS', 'AT_NIGHT', 'ONCE_WEEKLY', 'EVERY_OTHER_DAY', 'SINGLE_DOSE', 'AS_NEEDED');

-- CreateEnum
CREATE TYPE "DurationUnit" AS ENUM ('DAY', 'WEEK', 'MONTH');

-- CreateEnum
CREATE TYPE "ReportedMedicationStatus" AS ENUM ('ACTIVE', 'STOPPED', 'ENTERED_IN_ERROR');

-- CreateEnum
CREATE TYPE "PrintKind" AS ENUM ('PRESCRIPTION', 'VISIT_SUMMARY', 'SICK_NOTE', 'REFERRAL_LETTER');

-- AlterTable
ALTER TABLE "clinic_settings" ADD COLUMN     "country" TEXT NOT NULL DEFAULT 'GENERIC',
ADD COLUMN     "paper_size" TEXT NOT NULL DEFAULT 'A4';

-- CreateTable
CREATE TABLE "prescriptions" (
    "id" UUID NOT NULL,
    "number" TEXT,
    "patient_id" UUID NOT NULL,
    "visit_id" UUID,
    "prescriber_id" UUID NOT NULL,
    "location_id" UUID NOT NULL,
    "status" "PrescriptionStatus" NOT NULL DEFAULT 'DRAFT',
    "heading" JSONB,
    "signed_at" TIMESTAMPTZ(3),
    "status_reason" TEXT,
    "status_changed_at" TIMESTAMPTZ(3),
    "status_changed_by_id" UUID,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "prescriptions_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "prescription_lines" (
    "id" UUID NOT NULL,
    "prescription_id" UUID NOT NULL,
    "patient_id" UUID NOT NULL,
    "position" INTEGER NOT NULL,
    "medication_name" TEXT NOT NULL,
    "strength" TEXT,
    "dose_form" TEXT,
    "route" TEXT,
    "dose_amount" TEXT NOT NULL,
    "dose_unit" TEXT NOT NULL,
    "frequency" "DoseFrequency" NOT NULL,
    "every_hours" INTEGER,
    "weekday" INTEGER,
    "as_needed_for" TEXT,
    "duration_value" INTEGER,
    "duration_unit" "DurationUnit",
    "quantity" TEXT NOT NULL,
    "quantity_unit" TEXT NOT NULL,
    "refills" INTEGER NOT NULL DEFAULT 0,
    "instructions" TEXT,
    "warnings" JSONB NOT NULL DEFAULT '[]',
    "override_reason" TEXT,
    "status" "MedicationStatus" NOT NULL DEFAULT 'DRAFT',
    "starts_at" TIMESTAMPTZ(3),
    "ends_at" TIMESTAMPTZ(3),
    "status_reason" TEXT,
    "status_changed_at" TIMESTAMPTZ(3),
    "status_changed_by_id" UUID,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "prescription_lines_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "reported_medications" (
    "id" UUID NOT NULL,
    "patient_id" UUID NOT NULL,
    "name" TEXT NOT NULL,
    "dose" TEXT,
    "frequency" TEXT,
    "since" TEXT,
    "note" TEXT,
    "status" "ReportedMedicationStatus" NOT NULL DEFAULT 'ACTIVE',
    "status_reason" TEXT,
    "recorded_by_id" UUID NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "reported_medications_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "medication_favourites" (
    "id" UUID NOT NULL,
    "owner_id" UUID NOT NULL,
    "label" TEXT NOT NULL,
    "line" JSONB NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "medication_favourites_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "sick_notes" (
    "id" UUID NOT NULL,
    "patient_id" UUID NOT NULL,
    "visit_id" UUID,
    "author_id" UUID NOT NULL,
    "unfit_from" DATE NOT NULL,
    "unfit_to" DATE NOT NULL,
    "body" TEXT NOT NULL,
    "heading" JSONB NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "sick_notes_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "referral_letters" (
    "id" UUID NOT NULL,
    "patient_id" UUID NOT NULL,
    "visit_id" UUID,
    "author_id" UUID NOT NULL,
    "recipient" TEXT NOT NULL,
    "recipient_address" TEXT,
    "reason" TEXT NOT NULL,
    "history" TEXT NOT NULL,
    "body" TEXT NOT NULL,
    "heading" JSONB NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "referral_letters_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "document_prints" (
    "id" UUID NOT NULL,
    "kind" "PrintKind" NOT NULL,
    "subject_id" UUID NOT NULL,
    "patient_id" UUID NOT NULL,
    "printed_by_id" UUID NOT NULL,
    "copy" BOOLEAN NOT NULL,
    "printed_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "document_prints_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "prescriptions_number_key" ON "prescriptions"("number");

-- CreateIndex
CREATE INDEX "prescriptions_patient_id_created_at_idx" ON "prescriptions"("patient_id", "created_at");

-- CreateIndex
CREATE INDEX "prescriptions_visit_id_idx" ON "prescriptions"("visit_id");

-- CreateIndex
CREATE INDEX "prescriptions_prescriber_id_status_idx" ON "prescriptions"("prescriber_id", "status");

-- CreateIndex
CREATE INDEX "prescription_lines_patient_id_status_idx" ON "prescription_lines"("patient_id", "status");

-- CreateIndex
CREATE INDEX "prescription_lines_status_ends_at_idx" ON "prescription_lines"("status", "ends_at");

-- CreateIndex
CREATE INDEX "prescription_lines_medication_name_idx" ON "prescription_lines"("medication_name");

-- CreateIndex
CREATE UNIQUE INDEX "prescription_lines_prescription_id_position_key" ON "prescription_lines"("prescription_id", "position");

-- CreateIndex
CREATE INDEX "reported_medications_patient_id_status_idx" ON "reported_medications"("patient_id", "status");

-- CreateIndex
CREATE UNIQUE INDEX "medication_favourites_owner_id_label_key" ON "medication_favourites"("owner_id", "label");

-- CreateIndex
CREATE INDEX "sick_notes_patient_id_created_at_idx" ON "sick_notes"("patient_id", "created_at");

-- CreateIndex
CREATE INDEX "referral_letters_patient_id_created_at_idx" ON "referral_letters"("patient_id", "created_at");

-- CreateIndex
CREATE INDEX "document_prints_kind_subject_id_idx" ON "document_prints"("kind", "subject_id");

-- CreateIndex
CREATE INDEX "document_prints_patient_id_printed_at_idx" ON "document_prints"("patient_id", "printed_at");

-- AddForeignKey
ALTER TABLE "prescriptions" ADD CONSTRAINT "prescriptions_patient_id_fkey" FOREIGN KEY ("patient_id") REFERENCES "patients"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "prescriptions" ADD CONSTRAINT "prescriptions_visit_id_fkey" FOREIGN KEY ("visit_id") REFERENCES "visits"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "prescriptions" ADD CONSTRAINT "prescriptions_prescriber_id_fkey" FOREIGN KEY ("prescriber_id") REFERENCES "staff_users"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "prescriptions" ADD CONSTRAINT "prescriptions_location_id_fkey" FOREIGN KEY ("location_id") REFERENCES "locations"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "prescription_lines" ADD CONSTRAINT "prescription_lines_prescription_id_fkey" FOREIGN KEY ("prescription_id") REFERENCES "prescriptions"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "prescription_lines" ADD CONSTRAINT "prescription_lines_patient_id_fkey" FOREIGN KEY ("patient_id") REFERENCES "patients"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "reported_medications" ADD CONSTRAINT "reported_medications_patient_id_fkey" FOREIGN KEY ("patient_id") REFERENCES "patients"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "medication_favourites" ADD CONSTRAINT "medication_favourites_owner_id_fkey" FOREIGN KEY ("owner_id") REFERENCES "staff_users"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "sick_notes" ADD CONSTRAINT "sick_notes_patient_id_fkey" FOREIGN KEY ("patient_id") REFERENCES "patients"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "sick_notes" ADD CONSTRAINT "sick_notes_visit_id_fkey" FOREIGN KEY ("visit_id") REFERENCES "visits"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "referral_letters" ADD CONSTRAINT "referral_letters_patient_id_fkey" FOREIGN KEY ("patient_id") REFERENCES "patients"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "referral_letters" ADD CONSTRAINT "referral_letters_visit_id_fkey" FOREIGN KEY ("visit_id") REFERENCES "visits"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- Hand-written: what the database itself guarantees about prescriptions and printed letters.

-- RX-000123: numbers come from a sequence, so two doctors signing at once never share one (a
-- number lost to a rolled-back signing is a gap, which prescriptions may have; invoices may not).
CREATE SEQUENCE "prescription_number_seq" AS bigint START 1;

ALTER TABLE "clinic_settings" ADD CONSTRAINT "clinic_settings_country_known"
  CHECK ("country" IN ('GENERIC', 'UK', 'US'));
ALTER TABLE "clinic_settings" ADD CONSTRAINT "clinic_settings_paper_size_known"
  CHECK ("paper_size" IN ('A4', 'LETTER'));

ALTER TABLE "prescriptions" ADD CONSTRAINT "prescriptions_signed_is_complete"
  CHECK ("status" = 'DRAFT'
    OR ("number" IS NOT NULL AND "signed_at" IS NOT NULL AND "heading" IS NOT NULL));
ALTER TABLE "prescriptions" ADD CONSTRAINT "prescriptions_withdrawal_has_reason"
  CHECK ("status" NOT IN ('CANCELLED', 'ENTERED_IN_ERROR')
    OR length(btrim(coalesce("status_reason", ''))) > 0);

ALTER TABLE "prescription_lines" ADD CONSTRAINT "prescription_lines_amounts_positive"
  CHECK ("dose_amount" ~ '^[0-9]+(\.[0-9]+)?$' AND "dose_amount"::numeric > 0
    AND "quantity" ~ '^[0-9]+(\.[0-9]+)?$' AND "quantity"::numeric > 0
    AND "refills" >= 0);
ALTER TABLE "prescription_lines" ADD CONSTRAINT "prescription_lines_frequency_complete"
  CHECK (("frequency" <> 'EVERY_N_HOURS' OR "every_hours" BETWEEN 1 AND 72)
    AND ("frequency" <> 'ONCE_WEEKLY' OR "weekday" BETWEEN 0 AND 6)
    AND ("frequency" <> 'AS_NEEDED' OR length(btrim(coalesce("as_needed_for", ''))) > 0));
ALTER TABLE "prescription_lines" ADD CONSTRAINT "prescription_lines_duration_has_unit"
  CHECK (("duration_value" IS NULL) = ("duration_unit" IS NULL)
    AND ("duration_value" IS NULL OR "duration_value" > 0));
ALTER TABLE "prescription_lines" ADD CONSTRAINT "prescription_lines_stop_has_reason"
  CHECK ("status" NOT IN ('STOPPED', 'CANCELLED', 'ENTERED_IN_ERROR')
    OR length(btrim(coalesce("status_reason", ''))) > 0);

ALTER TABLE "sick_notes" ADD CONSTRAINT "sick_notes_dates_in_order" CHECK ("unfit_to" >= "unfit_from");

-- A signed prescription's content is locked for every client, the clinic's own role included:
-- only its status (with who, when and why) may change, never back to a draft, never after it was
-- entered in error; and it is never deleted. SQLSTATE CR001, as for signed notes.
CREATE FUNCTION "prescription_lock"() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  allowed CONSTANT text[] := ARRAY['status', 'status_reason', 'status_changed_at',
                                   'status_changed_by_id', 'updated_at'];
BEGIN
  IF TG_OP = 'DELETE' THEN
    IF OLD."status" <> 'DRAFT' THEN
      RAISE EXCEPTION 'A signed prescription cannot be deleted; cancel it or mark it entered in error.'
        USING ERRCODE = 'CR001';
    END IF;
    RETURN OLD;
  END IF;
  IF OLD."status" = 'DRAFT' THEN
    RETURN NEW;
  END IF;
  IF (to_jsonb(NEW) - allowed) IS DISTINCT FROM (to_jsonb(OLD) - allowed)
     OR OLD."status" = 'ENTERED_IN_ERROR'
     OR NEW."status" = 'DRAFT' THEN
    RAISE EXCEPTION 'A signed prescription cannot be changed; only its status can.'
      USING ERRCODE = 'CR001';
  END IF;
  RETURN NEW;
END;
$$;

CREATE TRIGGER "prescriptions_lock" BEFORE UPDATE OR DELETE ON "prescriptions"
  FOR EACH ROW EXECUTE FUNCTION "prescription_lock"();

-- Its lines likewise: added, changed and removed only while the prescription is a draft; after
-- signing only their status moves (stopped, completed…), never back to a draft.
CREATE FUNCTION "prescription_line_lock"() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  allowed CONSTANT text[] := ARRAY['status', 'status_reason', 'status_changed_at',
                                   'status_changed_by_id', 'updated_at'];
BEGIN
  IF TG_OP = 'INSERT' THEN
    IF NOT EXISTS (SELECT 1 FROM "prescriptions" WHERE "id" = NEW."prescription_id" AND "status" = 'DRAFT') THEN
      RAISE EXCEPTION 'A signed prescription cannot take another line.' USING ERRCODE = 'CR001';
    END IF;
    RETURN NEW;
  END IF;
  IF TG_OP = 'DELETE' THEN
    IF OLD."status" <> 'DRAFT' THEN
      RAISE EXCEPTION 'A signed prescription''s line cannot be deleted.' USING ERRCODE = 'CR001';
    END IF;
    RETURN OLD;
  END IF;
  IF OLD."status" = 'DRAFT' THEN
    RETURN NEW;
  END IF;
  IF (to_jsonb(NEW) - allowed) IS DISTINCT FROM (to_jsonb(OLD) - allowed)
     OR OLD."status" = 'ENTERED_IN_ERROR'
     OR NEW."status" = 'DRAFT' THEN
    RAISE EXCEPTION 'A signed prescription''s line cannot be changed; only its status can.'
      USING ERRCODE = 'CR001';
  END IF;
  RETURN NEW;
END;
$$;

CREATE TRIGGER "prescription_lines_lock" BEFORE INSERT OR UPDATE OR DELETE ON "prescription_lines"
  FOR EACH ROW EXECUTE FUNCTION "prescription_line_lock"();

-- Letters handed to the patient and the log of prints are written once: never changed or deleted.
CREATE FUNCTION "written_once"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION '% rows are written once and never changed or deleted.', TG_TABLE_NAME
    USING ERRCODE = 'CR001';
END;
$$;

CREATE TRIGGER "sick_notes_written_once" BEFORE UPDATE OR DELETE ON "sick_notes"
  FOR EACH ROW EXECUTE FUNCTION "written_once"();
CREATE TRIGGER "referral_letters_written_once" BEFORE UPDATE OR DELETE ON "referral_letters"
  FOR EACH ROW EXECUTE FUNCTION "written_once"();
CREATE TRIGGER "document_prints_written_once" BEFORE UPDATE OR DELETE ON "document_prints"
  FOR EACH ROW EXECUTE FUNCTION "written_once"();
