-- AlterTable
ALTER TABLE "staff_users" DROP COLUMN "failed_login_count",
DROP COLUMN "locked_until";
