-- CreateEnum
CREATE TYPE "TaxTreatment" AS ENUM ('RATED', 'ZERO_RATED', 'EXEMPT');

-- CreateEnum
CREATE TYPE "InvoiceKind" AS ENUM ('INVOICE', 'CREDIT_NOTE');

-- CreateEnum
CREATE TYPE "InvoiceStatus" AS ENUM ('DRAFT', 'ISSUED');

-- CreateEnum
CREATE TYPE "BillTo" AS ENUM ('PATIENT', 'THIRD_PARTY');

-- CreateEnum
CREATE TYPE "PaymentMethod" AS ENUM ('CASH', 'CARD', 'BANK_TRANSFER', 'OTHER');

-- AlterTable
ALTER TABLE "clinic_settings" ADD COLUMN     "legal_address" TEXT,
ADD COLUMN     "legal_name" TEXT,
ADD COLUMN     "no_show_item_id" UUID,
ADD COLUMN     "prices_include_tax" BOOLEAN NOT NULL DEFAULT false,
ADD COLUMN     "tax_id" TEXT;

-- AlterTable
ALTER TABLE "doctor_profiles" ADD COLUMN     "default_type_id" UUID;

-- AlterTable
ALTER TABLE "appointments" ADD COLUMN     "type_id" UUID;

-- CreateTable
CREATE TABLE "billable_items" (
    "id" UUID NOT NULL,
    "code" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "price_minor" INTEGER NOT NULL,
    "tax_treatment" "TaxTreatment" NOT NULL DEFAULT 'EXEMPT',
    "tax_rate_bp" INTEGER,
    "exempt_reason" TEXT,
    "active" BOOLEAN NOT NULL DEFAULT true,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "billable_items_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "appointment_types" (
    "id" UUID NOT NULL,
    "name" TEXT NOT NULL,
    "duration_minutes" INTEGER NOT NULL,
    "colour" TEXT NOT NULL DEFAULT '#0f766e',
    "item_id" UUID NOT NULL,
    "is_default" BOOLEAN NOT NULL DEFAULT false,
    "active" BOOLEAN NOT NULL DEFAULT true,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "appointment_types_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "invoices" (
    "id" UUID NOT NULL,
    "kind" "InvoiceKind" NOT NULL DEFAULT 'INVOICE',
    "status" "InvoiceStatus" NOT NULL DEFAULT 'DRAFT',
    "number" TEXT,
    "patient_id" UUID NOT NULL,
    "appointment_id" UUID,
    "location_id" UUID NOT NULL,
    "doctor_id" UUID,
    "bill_to" "BillTo" NOT NULL DEFAULT 'PATIENT',
    "bill_to_name" TEXT,
    "bill_to_address" TEXT,
    "bill_to_reference" TEXT,
    "credited_invoice_id" UUID,
    "currency" TEXT NOT NULL,
    "prices_include_tax" BOOLEAN NOT NULL,
    "subtotal_minor" INTEGER NOT NULL DEFAULT 0,
    "tax_minor" INTEGER NOT NULL DEFAULT 0,
    "total_minor" INTEGER NOT NULL DEFAULT 0,
    "issued_at" TIMESTAMPTZ(3),
    "issued_by_id" UUID,
    "snapshot" JSONB,
    "note" TEXT,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "invoices_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "invoice_lines" (
    "id" UUID NOT NULL,
    "invoice_id" UUID NOT NULL,
    "position" INTEGER NOT NULL,
    "item_id" UUID,
    "description" TEXT NOT NULL,
    "quantity" INTEGER NOT NULL,
    "unit_price_minor" INTEGER NOT NULL,
    "discount_minor" INTEGER NOT NULL DEFAULT 0,
    "tax_treatment" "TaxTreatment" NOT NULL,
    "tax_rate_bp" INTEGER,
    "exempt_reason" TEXT,
    "net_minor" INTEGER NOT NULL,
    "tax_minor" INTEGER NOT NULL,
    "total_minor" INTEGER NOT NULL,

    CONSTRAINT "invoice_lines_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "document_counters" (
    "series" TEXT NOT NULL,
    "year" INTEGER NOT NULL,
    "next" INTEGER NOT NULL DEFAULT 1,

    CONSTRAINT "document_counters_pkey" PRIMARY KEY ("series","year")
);

-- CreateTable
CREATE TABLE "payments" (
    "id" UUID NOT NULL,
    "receipt_number" TEXT NOT NULL,
    "patient_id" UUID NOT NULL,
    "location_id" UUID NOT NULL,
    "method" "PaymentMethod" NOT NULL,
    "amount_minor" INTEGER NOT NULL,
    "reference" TEXT,
    "taken_by_id" UUID NOT NULL,
    "taken_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "payments_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "payment_allocations" (
    "id" UUID NOT NULL,
    "payment_id" UUID NOT NULL,
    "invoice_id" UUID NOT NULL,
    "amount_minor" INTEGER NOT NULL,
    "from_credit" BOOLEAN NOT NULL DEFAULT false,
    "applied_by_id" UUID NOT NULL,
    "applied_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "payment_allocations_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "refunds" (
    "id" UUID NOT NULL,
    "payment_id" UUID NOT NULL,
    "amount_minor" INTEGER NOT NULL,
    "method" "PaymentMethod" NOT NULL,
    "reason" TEXT NOT NULL,
    "refunded_by_id" UUID NOT NULL,
    "refunded_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "refunds_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "day_closes" (
    "id" UUID NOT NULL,
    "location_id" UUID NOT NULL,
    "business_date" DATE NOT NULL,
    "expected_cash_minor" INTEGER NOT NULL,
    "counted_cash_minor" INTEGER NOT NULL,
    "difference_minor" INTEGER NOT NULL,
    "figures" JSONB NOT NULL,
    "note" TEXT,
    "closed_by_id" UUID NOT NULL,
    "closed_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "day_closes_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "billable_items_code_key" ON "billable_items"("code");

-- CreateIndex
CREATE UNIQUE INDEX "appointment_types_name_key" ON "appointment_types"("name");

-- CreateIndex
CREATE UNIQUE INDEX "invoices_number_key" ON "invoices"("number");

-- CreateIndex
CREATE UNIQUE INDEX "invoices_credited_invoice_id_key" ON "invoices"("credited_invoice_id");

-- CreateIndex
CREATE INDEX "invoices_patient_id_created_at_idx" ON "invoices"("patient_id", "created_at");

-- CreateIndex
CREATE INDEX "invoices_status_issued_at_idx" ON "invoices"("status", "issued_at");

-- CreateIndex
CREATE INDEX "invoices_appointment_id_idx" ON "invoices"("appointment_id");

-- CreateIndex
CREATE UNIQUE INDEX "invoice_lines_invoice_id_position_key" ON "invoice_lines"("invoice_id", "position");

-- CreateIndex
CREATE UNIQUE INDEX "payments_receipt_number_key" ON "payments"("receipt_number");

-- CreateIndex
CREATE INDEX "payments_patient_id_taken_at_idx" ON "payments"("patient_id", "taken_at");

-- CreateIndex
CREATE INDEX "payments_location_id_taken_at_idx" ON "payments"("location_id", "taken_at");

-- CreateIndex
CREATE INDEX "payment_allocations_invoice_id_idx" ON "payment_allocations"("invoice_id");

-- CreateIndex
CREATE INDEX "payment_allocations_payment_id_idx" ON "payment_allocations"("payment_id");

-- CreateIndex
CREATE INDEX "refunds_payment_id_idx" ON "refunds"("payment_id");

-- CreateIndex
CREATE INDEX "refunds_refunded_at_idx" ON "refunds"("refunded_at");

-- CreateIndex
CREATE UNIQUE INDEX "day_closes_location_id_business_date_key" ON "day_closes"("location_id", "business_date");

-- AddForeignKey
ALTER TABLE "clinic_settings" ADD CONSTRAINT "clinic_settings_no_show_item_id_fkey" FOREIGN KEY ("no_show_item_id") REFERENCES "billable_items"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "doctor_profiles" ADD CONSTRAINT "doctor_profiles_default_type_id_fkey" FOREIGN KEY ("default_type_id") REFERENCES "appointment_types"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "appointments" ADD CONSTRAINT "appointments_type_id_fkey" FOREIGN KEY ("type_id") REFERENCES "appointment_types"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "appointment_types" ADD CONSTRAINT "appointment_types_item_id_fkey" FOREIGN KEY ("item_id") REFERENCES "billable_items"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "invoices" ADD CONSTRAINT "invoices_patient_id_fkey" FOREIGN KEY ("patient_id") REFERENCES "patients"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "invoices" ADD CONSTRAINT "invoices_appointment_id_fkey" FOREIGN KEY ("appointment_id") REFERENCES "appointments"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "invoices" ADD CONSTRAINT "invoices_location_id_fkey" FOREIGN KEY ("location_id") REFERENCES "locations"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "invoices" ADD CONSTRAINT "invoices_credited_invoice_id_fkey" FOREIGN KEY ("credited_invoice_id") REFERENCES "invoices"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "invoice_lines" ADD CONSTRAINT "invoice_lines_invoice_id_fkey" FOREIGN KEY ("invoice_id") REFERENCES "invoices"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "invoice_lines" ADD CONSTRAINT "invoice_lines_item_id_fkey" FOREIGN KEY ("item_id") REFERENCES "billable_items"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "payments" ADD CONSTRAINT "payments_patient_id_fkey" FOREIGN KEY ("patient_id") REFERENCES "patients"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "payments" ADD CONSTRAINT "payments_location_id_fkey" FOREIGN KEY ("location_id") REFERENCES "locations"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "payment_allocations" ADD CONSTRAINT "payment_allocations_payment_id_fkey" FOREIGN KEY ("payment_id") REFERENCES "payments"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "payment_allocations" ADD CONSTRAINT "payment_allocations_invoice_id_fkey" FOREIGN KEY ("invoice_id") REFERENCES "invoices"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "refunds" ADD CONSTRAINT "refunds_payment_id_fkey" FOREIGN KEY ("payment_id") REFERENCES "payments"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "day_closes" ADD CONSTRAINT "day_closes_location_id_fkey" FOREIGN KEY ("location_id") REFERENCES "locations"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- Hand-written: what the database itself guarantees about money.

-- Every clinic starts with one appointment type (free until the price list says otherwise), and the
-- appointments it already has are of that type.
INSERT INTO "billable_items" ("id", "code", "name", "price_minor", "tax_treatment", "exempt_reason", "updated_at")
  VALUES ('00000000-0000-4000-8000-00000000c0de', 'CONSULT', 'Consultation', 0, 'EXEMPT', 'Medical care: exempt from tax', now());
INSERT INTO "appointment_types" ("id", "name", "duration_minutes", "item_id", "is_default", "updated_at")
  VALUES ('00000000-0000-4000-8000-00000000c0df', 'Consultation', 20, '00000000-0000-4000-8000-00000000c0de', true, now());
UPDATE "appointments" SET "type_id" = '00000000-0000-4000-8000-00000000c0df' WHERE "type_id" IS NULL;

CREATE UNIQUE INDEX "appointment_types_one_default" ON "appointment_types" ((true)) WHERE "is_default";
ALTER TABLE "appointment_types" ADD CONSTRAINT "appointment_types_duration_sane"
  CHECK ("duration_minutes" BETWEEN 5 AND 480);

-- A rate is a rate, zero-rated is taxable at 0 %, exempt is outside tax with its reason printed.
ALTER TABLE "billable_items" ADD CONSTRAINT "billable_items_price_sane" CHECK ("price_minor" >= 0);
ALTER TABLE "billable_items" ADD CONSTRAINT "billable_items_tax_complete"
  CHECK (("tax_treatment" = 'RATED' AND "tax_rate_bp" BETWEEN 1 AND 10000)
    OR ("tax_treatment" = 'ZERO_RATED' AND "tax_rate_bp" IS NULL)
    OR ("tax_treatment" = 'EXEMPT' AND "tax_rate_bp" IS NULL AND length(btrim(coalesce("exempt_reason", ''))) > 0));
ALTER TABLE "invoice_lines" ADD CONSTRAINT "invoice_lines_tax_complete"
  CHECK (("tax_treatment" = 'RATED' AND "tax_rate_bp" BETWEEN 1 AND 10000)
    OR ("tax_treatment" = 'ZERO_RATED' AND "tax_rate_bp" IS NULL)
    OR ("tax_treatment" = 'EXEMPT' AND "tax_rate_bp" IS NULL AND length(btrim(coalesce("exempt_reason", ''))) > 0));
-- A credit note's lines carry negative amounts; an invoice's never.
ALTER TABLE "invoice_lines" ADD CONSTRAINT "invoice_lines_amounts_sane"
  CHECK ("quantity" > 0 AND "discount_minor" >= 0
    AND abs("discount_minor") <= abs("quantity"::bigint * "unit_price_minor")
    AND "net_minor" + "tax_minor" = "total_minor");

ALTER TABLE "invoices" ADD CONSTRAINT "invoices_issued_is_complete"
  CHECK ("status" = 'DRAFT' OR ("number" IS NOT NULL AND "issued_at" IS NOT NULL AND "snapshot" IS NOT NULL));
ALTER TABLE "invoices" ADD CONSTRAINT "invoices_credit_note_references"
  CHECK (("kind" = 'CREDIT_NOTE') = ("credited_invoice_id" IS NOT NULL));
ALTER TABLE "invoices" ADD CONSTRAINT "invoices_third_party_named"
  CHECK ("bill_to" = 'PATIENT' OR length(btrim(coalesce("bill_to_name", ''))) > 0);
ALTER TABLE "invoices" ADD CONSTRAINT "invoices_totals_add_up" CHECK ("subtotal_minor" + "tax_minor" = "total_minor");
-- One draft per appointment: checking in twice never makes two.
CREATE UNIQUE INDEX "invoices_one_draft_per_appointment" ON "invoices" ("appointment_id")
  WHERE "status" = 'DRAFT' AND "kind" = 'INVOICE';

ALTER TABLE "payments" ADD CONSTRAINT "payments_amount_positive" CHECK ("amount_minor" > 0);
ALTER TABLE "payment_allocations" ADD CONSTRAINT "payment_allocations_amount_nonzero" CHECK ("amount_minor" <> 0);
ALTER TABLE "refunds" ADD CONSTRAINT "refunds_amount_positive"
  CHECK ("amount_minor" > 0 AND length(btrim("reason")) > 0);
ALTER TABLE "document_counters" ADD CONSTRAINT "document_counters_sane"
  CHECK ("series" IN ('INV', 'CRN', 'RCT') AND "next" >= 1);

-- An issued invoice or credit note is never changed or deleted, for every client, the clinic's own
-- role included (SQLSTATE CR001, as for signed notes): it is voided by a credit note instead.
CREATE FUNCTION "invoice_lock"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF OLD."status" = 'DRAFT' THEN
    IF TG_OP = 'DELETE' THEN RETURN OLD; END IF;
    RETURN NEW;
  END IF;
  RAISE EXCEPTION 'An issued invoice cannot be changed or deleted; void it with a credit note.'
    USING ERRCODE = 'CR001';
END;
$$;

CREATE TRIGGER "invoices_lock" BEFORE UPDATE OR DELETE ON "invoices"
  FOR EACH ROW EXECUTE FUNCTION "invoice_lock"();

-- Lines change only while their invoice is a draft (a draft deleted with its lines passes: the
-- invoice row is already gone when its lines are).
CREATE FUNCTION "invoice_line_lock"() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  parent uuid := CASE WHEN TG_OP = 'DELETE' THEN OLD."invoice_id" ELSE NEW."invoice_id" END;
BEGIN
  IF EXISTS (SELECT 1 FROM "invoices" WHERE "id" = parent AND "status" <> 'DRAFT') THEN
    RAISE EXCEPTION 'An issued invoice''s lines cannot be changed.' USING ERRCODE = 'CR001';
  END IF;
  IF TG_OP = 'DELETE' THEN RETURN OLD; END IF;
  RETURN NEW;
END;
$$;

CREATE TRIGGER "invoice_lines_lock" BEFORE INSERT OR UPDATE OR DELETE ON "invoice_lines"
  FOR EACH ROW EXECUTE FUNCTION "invoice_line_lock"();

-- Money received, applied, refunded and the day's close are written once (written_once() comes
-- from the prescriptions migration).
CREATE TRIGGER "payments_written_once" BEFORE UPDATE OR DELETE ON "payments"
  FOR EACH ROW EXECUTE FUNCTION "written_once"();
CREATE TRIGGER "payment_allocations_written_once" BEFORE UPDATE OR DELETE ON "payment_allocations"
  FOR EACH ROW EXECUTE FUNCTION "written_once"();
CREATE TRIGGER "refunds_written_once" BEFORE UPDATE OR DELETE ON "refunds"
  FOR EACH ROW EXECUTE FUNCTION "written_once"();
CREATE TRIGGER "day_closes_written_once" BEFORE UPDATE OR DELETE ON "day_closes"
  FOR EACH ROW EXECUTE FUNCTION "written_once"();

-- The currency is set once: after the first issued invoice a change is refused.
CREATE FUNCTION "clinic_currency_fixed"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NEW."currency" IS DISTINCT FROM OLD."currency"
     AND EXISTS (SELECT 1 FROM "invoices" WHERE "status" = 'ISSUED') THEN
    RAISE EXCEPTION 'The currency cannot change once an invoice has been issued.' USING ERRCODE = 'CR001';
  END IF;
  RETURN NEW;
END;
$$;

CREATE TRIGGER "clinic_settings_currency_fixed" BEFORE UPDATE ON "clinic_settings"
  FOR EACH ROW EXECUTE FUNCTION "clinic_currency_fixed"();
