-- CreateTable
CREATE TABLE "kept_databases" (
    "id" UUID NOT NULL,
    "server_id" UUID NOT NULL,
    "database_name" TEXT NOT NULL,
    "reason" TEXT NOT NULL,
    "kept_by" TEXT NOT NULL,
    "kept_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "kept_databases_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "kept_databases_server_id_database_name_key" ON "kept_databases"("server_id", "database_name");
