-- AlterTable
ALTER TABLE "clinic_settings" ADD COLUMN     "date_order" TEXT NOT NULL DEFAULT 'DMY',
ADD COLUMN     "hour_12" BOOLEAN NOT NULL DEFAULT false;

-- The orders the date fields can read and write.
ALTER TABLE "clinic_settings" ADD CONSTRAINT "clinic_settings_date_order_check" CHECK ("date_order" IN ('DMY', 'MDY', 'YMD'));
