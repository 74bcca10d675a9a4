-- Hand-written: the sequence behind medical record numbers must exist before the default that uses it.
CREATE SEQUENCE "patient_mrn_seq" START 1 OWNED BY "patients"."mrn";
ALTER TABLE "patients" ALTER COLUMN "mrn" SET DEFAULT ('P-'::text || lpad((nextval('patient_mrn_seq'::regclass))::text, 6, '0'::text));

-- CreateEnum
CREATE TYPE "AppointmentStatus" AS ENUM ('BOOKED', 'CHECKED_IN', 'IN_PROGRESS', 'COMPLETED', 'CANCELLED', 'NO_SHOW');

-- CreateEnum
CREATE TYPE "OverrideKind" AS ENUM ('TIME_OFF', 'EXTRA_HOURS');

-- AlterTable
ALTER TABLE "locations" ADD COLUMN     "opening_hours" JSONB;

-- CreateTable
CREATE TABLE "doctor_profiles" (
    "staff_id" UUID NOT NULL,
    "specialty" TEXT,
    "licence_number" TEXT,
    "calendar_color" TEXT NOT NULL DEFAULT '#0f766e',
    "default_slot_minutes" INTEGER NOT NULL DEFAULT 20,

    CONSTRAINT "doctor_profiles_pkey" PRIMARY KEY ("staff_id")
);

-- CreateTable
CREATE TABLE "working_hours" (
    "id" UUID NOT NULL,
    "doctor_id" UUID NOT NULL,
    "location_id" UUID NOT NULL,
    "weekday" INTEGER NOT NULL,
    "start_minute" INTEGER NOT NULL,
    "end_minute" INTEGER NOT NULL,

    CONSTRAINT "working_hours_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "availability_overrides" (
    "id" UUID NOT NULL,
    "doctor_id" UUID NOT NULL,
    "location_id" UUID,
    "date" DATE NOT NULL,
    "kind" "OverrideKind" NOT NULL,
    "start_minute" INTEGER,
    "end_minute" INTEGER,
    "reason" TEXT,

    CONSTRAINT "availability_overrides_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "appointments" (
    "id" UUID NOT NULL,
    "patient_id" UUID NOT NULL,
    "doctor_id" UUID NOT NULL,
    "location_id" UUID NOT NULL,
    "starts_at" TIMESTAMPTZ(3) NOT NULL,
    "ends_at" TIMESTAMPTZ(3) NOT NULL,
    "status" "AppointmentStatus" NOT NULL DEFAULT 'BOOKED',
    "reason" TEXT,
    "cancel_reason" TEXT,
    "checked_in_at" TIMESTAMPTZ(3),
    "created_by_id" UUID,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "appointments_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "working_hours_doctor_id_weekday_idx" ON "working_hours"("doctor_id", "weekday");

-- CreateIndex
CREATE INDEX "availability_overrides_doctor_id_date_idx" ON "availability_overrides"("doctor_id", "date");

-- CreateIndex
CREATE INDEX "appointments_doctor_id_starts_at_idx" ON "appointments"("doctor_id", "starts_at");

-- CreateIndex
CREATE INDEX "appointments_location_id_starts_at_idx" ON "appointments"("location_id", "starts_at");

-- CreateIndex
CREATE INDEX "appointments_patient_id_starts_at_idx" ON "appointments"("patient_id", "starts_at");

-- AddForeignKey
ALTER TABLE "doctor_profiles" ADD CONSTRAINT "doctor_profiles_staff_id_fkey" FOREIGN KEY ("staff_id") REFERENCES "staff_users"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "working_hours" ADD CONSTRAINT "working_hours_doctor_id_fkey" FOREIGN KEY ("doctor_id") REFERENCES "staff_users"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "working_hours" ADD CONSTRAINT "working_hours_location_id_fkey" FOREIGN KEY ("location_id") REFERENCES "locations"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "availability_overrides" ADD CONSTRAINT "availability_overrides_doctor_id_fkey" FOREIGN KEY ("doctor_id") REFERENCES "staff_users"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "availability_overrides" ADD CONSTRAINT "availability_overrides_location_id_fkey" FOREIGN KEY ("location_id") REFERENCES "locations"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "appointments" ADD CONSTRAINT "appointments_patient_id_fkey" FOREIGN KEY ("patient_id") REFERENCES "patients"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "appointments" ADD CONSTRAINT "appointments_doctor_id_fkey" FOREIGN KEY ("doctor_id") REFERENCES "staff_users"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "appointments" ADD CONSTRAINT "appointments_location_id_fkey" FOREIGN KEY ("location_id") REFERENCES "locations"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- Hand-written: what the schema file cannot say.
-- No double booking, enforced by PostgreSQL itself: two live appointments of one doctor never
-- overlap, whatever the application does. Cancelled and no-show appointments free their time.
CREATE EXTENSION IF NOT EXISTS btree_gist;
ALTER TABLE "appointments" ADD CONSTRAINT "appointments_ends_after_start" CHECK ("ends_at" > "starts_at");
ALTER TABLE "appointments" ADD CONSTRAINT "appointments_no_double_booking"
  EXCLUDE USING gist ("doctor_id" WITH =, tstzrange("starts_at", "ends_at", '[)') WITH &&)
  WHERE ("status" NOT IN ('CANCELLED', 'NO_SHOW'));

ALTER TABLE "working_hours" ADD CONSTRAINT "working_hours_valid"
  CHECK ("weekday" BETWEEN 0 AND 6 AND "start_minute" >= 0 AND "end_minute" <= 1440 AND "end_minute" > "start_minute");
ALTER TABLE "availability_overrides" ADD CONSTRAINT "availability_overrides_valid"
  CHECK (("start_minute" IS NULL AND "end_minute" IS NULL AND "kind" = 'TIME_OFF')
      OR ("start_minute" >= 0 AND "end_minute" <= 1440 AND "end_minute" > "start_minute"));

-- Patient search that stays fast on 50,000 patients: trigram name search, digits-only phone.
CREATE EXTENSION IF NOT EXISTS pg_trgm;
CREATE INDEX "patients_name_trgm_idx" ON "patients" USING gin ((lower("last_name" || ' ' || "first_name")) gin_trgm_ops);
ALTER TABLE "patients" ADD COLUMN "phone_digits" TEXT GENERATED ALWAYS AS (regexp_replace(coalesce("phone", ''), '\D', '', 'g')) STORED;
CREATE INDEX "patients_phone_digits_idx" ON "patients" ("phone_digits");
