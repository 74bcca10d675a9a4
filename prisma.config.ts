import { defineConfig } from "prisma/config";

// The Prisma CLI insists on downloading a native schema engine before any command, and it cannot
// be downloaded here. `prisma generate` never runs it, so any existing file satisfies the check;
// migrations run in-process through our own applier (lib/db/migration-applier.ts) instead.
process.env.PRISMA_SCHEMA_ENGINE_BINARY ??= process.execPath;

export default defineConfig({
  schema: "prisma/schema.prisma",
});
