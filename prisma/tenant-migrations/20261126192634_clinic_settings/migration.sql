-- CreateTable
CREATE TABLE "clinic_settings" (
    "id" INTEGER NOT NULL DEFAULT 1,
    "name" TEXT NOT NULL,
    "timezone" TEXT NOT NULL DEFAULT 'UTC',
    "currency" TEXT NOT NULL DEFAULT 'USD',
    "contact_email" TEXT,
    "contact_phone" TEXT,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "clinic_settings_pkey" PRIMARY KEY ("id")
);

-- Hand-written: the settings table holds exactly one row.
ALTER TABLE "clinic_settings" ADD CONSTRAINT "clinic_settings_single_row" CHECK ("id" = 1);
