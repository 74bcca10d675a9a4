-- AlterTable
ALTER TABLE "staff_users" ADD COLUMN     "temporary_password_expires_at" TIMESTAMPTZ(3);
