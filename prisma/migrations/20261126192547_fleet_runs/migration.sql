-- CreateEnum
CREATE TYPE "FleetRunStatus" AS ENUM ('RUNNING', 'SUCCEEDED', 'FAILED');

-- CreateEnum
CREATE TYPE "FleetResultStatus" AS ENUM ('PENDING', 'SUCCEEDED', 'FAILED', 'SKIPPED');

-- AlterTable
ALTER TABLE "clinics" ADD COLUMN     "provisioning_step" TEXT;

-- CreateTable
CREATE TABLE "fleet_runs" (
    "id" UUID NOT NULL,
    "status" "FleetRunStatus" NOT NULL DEFAULT 'RUNNING',
    "target_version" TEXT,
    "options" JSONB NOT NULL DEFAULT '{}',
    "total" INTEGER NOT NULL DEFAULT 0,
    "succeeded" INTEGER NOT NULL DEFAULT 0,
    "failed" INTEGER NOT NULL DEFAULT 0,
    "error" TEXT,
    "started_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "finished_at" TIMESTAMPTZ(3),

    CONSTRAINT "fleet_runs_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "fleet_run_results" (
    "id" UUID NOT NULL,
    "run_id" UUID NOT NULL,
    "clinic_id" UUID NOT NULL,
    "status" "FleetResultStatus" NOT NULL DEFAULT 'PENDING',
    "applied" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "error" TEXT,
    "duration_ms" INTEGER,
    "finished_at" TIMESTAMPTZ(3),

    CONSTRAINT "fleet_run_results_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "fleet_runs_started_at_idx" ON "fleet_runs"("started_at");

-- CreateIndex
CREATE INDEX "fleet_run_results_clinic_id_idx" ON "fleet_run_results"("clinic_id");

-- CreateIndex
CREATE UNIQUE INDEX "fleet_run_results_run_id_clinic_id_key" ON "fleet_run_results"("run_id", "clinic_id");

-- AddForeignKey
ALTER TABLE "fleet_run_results" ADD CONSTRAINT "fleet_run_results_run_id_fkey" FOREIGN KEY ("run_id") REFERENCES "fleet_runs"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "fleet_run_results" ADD CONSTRAINT "fleet_run_results_clinic_id_fkey" FOREIGN KEY ("clinic_id") REFERENCES "clinics"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- Hand-written: every app process LISTENs on clinic_changed and drops its cached lookup and
-- connection pool for that clinic, whichever process (or operator's script) changed the row.
CREATE FUNCTION notify_clinic_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'DELETE' OR OLD.subdomain IS DISTINCT FROM NEW.subdomain THEN
    PERFORM pg_notify('clinic_changed', OLD.subdomain);
  END IF;
  IF TG_OP = 'UPDATE' THEN
    PERFORM pg_notify('clinic_changed', NEW.subdomain);
  END IF;
  RETURN NULL;
END;
$$;

CREATE TRIGGER clinics_notify_changed
  AFTER UPDATE OF status, subdomain, database_name, role_name, role_password_encrypted, database_server_id OR DELETE
  ON "clinics" FOR EACH ROW EXECUTE FUNCTION notify_clinic_changed();
