-- AlterTable
ALTER TABLE "database_servers" ADD COLUMN     "pooler_admin_password_encrypted" TEXT,
ADD COLUMN     "pooler_admin_user" TEXT;

-- A console user needs its password, and a pooler to log in to.
ALTER TABLE "database_servers" ADD CONSTRAINT "database_servers_pooler_console"
  CHECK ((pooler_admin_user IS NULL) = (pooler_admin_password_encrypted IS NULL)
         AND (pooler_admin_user IS NULL OR pooler_host IS NOT NULL));
