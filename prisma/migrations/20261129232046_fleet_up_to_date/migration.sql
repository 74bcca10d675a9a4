-- AlterEnum
ALTER TYPE "FleetResultStatus" ADD VALUE 'UP_TO_DATE';

-- AlterTable
ALTER TABLE "fleet_runs" ADD COLUMN     "up_to_date" INTEGER NOT NULL DEFAULT 0;
