-- CreateTable
CREATE TABLE "platform_settings" (
    "id" INTEGER NOT NULL DEFAULT 1,
    "backup_hour" INTEGER NOT NULL DEFAULT 2,
    "backup_keep_daily" INTEGER NOT NULL DEFAULT 7,
    "backup_keep_weekly" INTEGER NOT NULL DEFAULT 4,
    "backup_max_age_hours" INTEGER NOT NULL DEFAULT 36,
    "drill_sample_size" INTEGER NOT NULL DEFAULT 3,
    "clinic_admins_may_backup" BOOLEAN NOT NULL DEFAULT false,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_by" UUID,

    CONSTRAINT "platform_settings_pkey" PRIMARY KEY ("id")
);
