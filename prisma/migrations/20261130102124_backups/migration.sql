-- CreateEnum
CREATE TYPE "BackupKind" AS ENUM ('MANUAL', 'SCHEDULED', 'BEFORE_DELETE', 'BEFORE_ROLLOUT');

-- CreateEnum
CREATE TYPE "BackupStatus" AS ENUM ('RUNNING', 'DONE', 'FAILED');

-- CreateTable
CREATE TABLE "backups" (
    "id" UUID NOT NULL,
    "clinic_id" UUID,
    "kind" "BackupKind" NOT NULL,
    "status" "BackupStatus" NOT NULL DEFAULT 'RUNNING',
    "started_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "finished_at" TIMESTAMPTZ(3),
    "size_bytes" BIGINT,
    "sha256" TEXT,
    "schema_version" TEXT,
    "key_id" TEXT,
    "file_path" TEXT,
    "manifest" JSONB,
    "requested_by" UUID,
    "job_id" UUID,
    "copied_at" TIMESTAMPTZ(3),
    "verified_at" TIMESTAMPTZ(3),
    "error" TEXT,

    CONSTRAINT "backups_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "backups_job_id_key" ON "backups"("job_id");

-- CreateIndex
CREATE INDEX "backups_clinic_id_started_at_idx" ON "backups"("clinic_id", "started_at");

-- CreateIndex
CREATE INDEX "backups_status_idx" ON "backups"("status");

-- AddForeignKey
ALTER TABLE "backups" ADD CONSTRAINT "backups_clinic_id_fkey" FOREIGN KEY ("clinic_id") REFERENCES "clinics"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
