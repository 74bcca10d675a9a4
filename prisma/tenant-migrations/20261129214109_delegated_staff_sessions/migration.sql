-- AlterTable
ALTER TABLE "staff_sessions" ADD COLUMN     "central_session_id" UUID,
ADD COLUMN     "central_session_version" INTEGER,
ADD COLUMN     "delegated_by_user_id" UUID;
