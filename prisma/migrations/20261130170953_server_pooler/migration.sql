-- AlterTable
ALTER TABLE "database_servers" ADD COLUMN     "pooler_host" TEXT,
ADD COLUMN     "pooler_port" INTEGER;

-- A pooler address is whole or absent.
ALTER TABLE "database_servers" ADD CONSTRAINT "database_servers_pooler_address"
  CHECK ((pooler_host IS NULL) = (pooler_port IS NULL) AND (pooler_port IS NULL OR pooler_port BETWEEN 1 AND 65535));
