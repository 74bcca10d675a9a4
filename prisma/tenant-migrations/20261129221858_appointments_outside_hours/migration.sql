-- AlterTable
ALTER TABLE "appointments" ADD COLUMN     "outside_hours" BOOLEAN NOT NULL DEFAULT false;
