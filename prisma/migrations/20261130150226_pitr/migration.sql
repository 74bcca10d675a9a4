-- AlterTable
ALTER TABLE "database_servers" ADD COLUMN     "pitr_config_path" TEXT,
ADD COLUMN     "pitr_stanza" TEXT;
