-- CreateEnum
CREATE TYPE "JobState" AS ENUM ('QUEUED', 'RUNNING', 'SUCCEEDED', 'FAILED');

-- CreateEnum
CREATE TYPE "JobAttemptState" AS ENUM ('RUNNING', 'SUCCEEDED', 'FAILED', 'DIED', 'RELEASED');

-- CreateTable
CREATE TABLE "platform_instance" (
    "id" UUID NOT NULL,
    "singleton" BOOLEAN NOT NULL DEFAULT true,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "platform_instance_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "jobs" (
    "id" UUID NOT NULL,
    "kind" TEXT NOT NULL,
    "clinic_id" UUID,
    "payload" JSONB NOT NULL DEFAULT '{}',
    "state" "JobState" NOT NULL DEFAULT 'QUEUED',
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "max_attempts" INTEGER NOT NULL DEFAULT 5,
    "run_after" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "step" TEXT,
    "last_error" TEXT,
    "requested_by" UUID,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "started_at" TIMESTAMPTZ(3),
    "finished_at" TIMESTAMPTZ(3),

    CONSTRAINT "jobs_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "job_attempts" (
    "id" UUID NOT NULL,
    "job_id" UUID NOT NULL,
    "number" INTEGER NOT NULL,
    "token" UUID NOT NULL,
    "worker" TEXT NOT NULL,
    "state" "JobAttemptState" NOT NULL DEFAULT 'RUNNING',
    "error" TEXT,
    "started_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "ended_at" TIMESTAMPTZ(3),

    CONSTRAINT "job_attempts_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "platform_instance_singleton_key" ON "platform_instance"("singleton");

-- CreateIndex
CREATE INDEX "jobs_state_run_after_idx" ON "jobs"("state", "run_after");

-- CreateIndex
CREATE INDEX "jobs_clinic_id_created_at_idx" ON "jobs"("clinic_id", "created_at");

-- CreateIndex
CREATE UNIQUE INDEX "job_attempts_token_key" ON "job_attempts"("token");

-- CreateIndex
CREATE UNIQUE INDEX "job_attempts_job_id_number_key" ON "job_attempts"("job_id", "number");

-- AddForeignKey
ALTER TABLE "job_attempts" ADD CONSTRAINT "job_attempts_job_id_fkey" FOREIGN KEY ("job_id") REFERENCES "jobs"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Hand-written: this platform's one identity row.
INSERT INTO "platform_instance" ("id") VALUES (gen_random_uuid());

-- One operation at a time per clinic: a second is refused while one is queued or running.
CREATE UNIQUE INDEX "jobs_one_active_per_clinic" ON "jobs" ("clinic_id") WHERE "state" IN ('QUEUED', 'RUNNING') AND "clinic_id" IS NOT NULL;

-- One fleet rollout at a time.
CREATE UNIQUE INDEX "jobs_one_active_rollout" ON "jobs" ("kind") WHERE "state" IN ('QUEUED', 'RUNNING') AND "kind" = 'fleet-rollout';
