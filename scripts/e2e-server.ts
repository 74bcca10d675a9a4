// The server Playwright runs: a throwaway central database (dropped on exit), the demo seed, a
// production build and `next start` on PORT. Its build lives in .next-e2e so it never clobbers
// the one `npm start` uses.
import { randomBytes } from "node:crypto";
import { chmod, mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { createCentralClient } from "../lib/db/central";
import { databaseNameOf, parseDatabaseUrl, withDatabaseName } from "../lib/db/database-url";
import { findFreePort, startEmbeddedPostgres } from "../lib/db/embedded-server";
import { prepareCentralDatabase } from "../lib/db/platform";
import { seedDemo } from "../lib/db/seed";
import { quoteIdent } from "../lib/tenancy/names";
import { ensureBuild, spawnNext, stopTogether } from "./lib/next-server";
import { runScript } from "./lib/run-script";

runScript(async () => {
  const port = Number(process.env.PORT ?? 3100);
  const runId = randomBytes(4).toString("hex");
  const server = await startServer();
  const centralUrl = withDatabaseName(server.adminUrl, `e2e_${runId}_central`);
  const cleanup = () => server.dispose(databaseNameOf(centralUrl));
  try {
    await prepareCentralDatabase(centralUrl);
    const central = createCentralClient(centralUrl, 1);
    await seedDemo(central);
    await central.$disconnect();
    const env = {
      ...process.env,
      NEXT_DIST_DIR: ".next-e2e",
      ROOT_DOMAIN: process.env.ROOT_DOMAIN ?? `localhost:${port}`,
      TENANT_NAME_PREFIX: `e2e_${runId}_`,
      DATABASE_URL: centralUrl,
    };
    await ensureBuild({ distDir: ".next-e2e", env });
    stopTogether(spawnNext(["start", "--port", String(port)], env), cleanup);
    return new Promise<number>(() => {});
  } catch (error) {
    await cleanup();
    throw error;
  }
});

/** The server of DATABASE_URL, or a throwaway embedded one; `dispose` removes what this run made. */
async function startServer(): Promise<{ adminUrl: string; dispose(database: string): Promise<void> }> {
  if (process.env.DATABASE_URL) {
    const adminUrl = parseDatabaseUrl(process.env.DATABASE_URL).toString();
    return { adminUrl, dispose: (database) => dropDatabase(adminUrl, database) };
  }
  const dataDir = await mkdtemp(path.join(os.tmpdir(), "clinic-e2e-pg-"));
  await chmod(dataDir, 0o755);
  const embedded = await startEmbeddedPostgres({ dataDir, port: await findFreePort(56432), ephemeral: true });
  return {
    adminUrl: embedded.adminUrl,
    // The whole cluster goes, so there is no database to drop first.
    dispose: async () => {
      await embedded.stop().finally(() => rm(dataDir, { recursive: true, force: true }));
    },
  };
}

async function dropDatabase(adminUrl: string, name: string) {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  await client.query(`DROP DATABASE IF EXISTS ${quoteIdent(name)} WITH (FORCE)`);
  await client.end();
}
