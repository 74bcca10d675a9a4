// The server Playwright runs: a throwaway central database and demo clinics under a name prefix of
// this run's own (all dropped on exit), a production build and the app server `npm start` runs, on
// PORT. Its build lives in .next-e2e so it never clobbers the one `npm start` serves.
import { randomBytes } from "node:crypto";
import { chmod, mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { e2eContextPath, e2eServerLogPath, writeE2eContext } from "../e2e/support/context";
import { placeClinicOnSpare, startSpareServer } from "../e2e/support/spare-server";
import { createCentralClient } from "../lib/db/central";
import { parseDatabaseUrl, withDatabaseName } from "../lib/db/database-url";
import { findFreePort, startEmbeddedPostgres } from "../lib/db/embedded-server";
import { prepareCentralDatabase } from "../lib/db/platform";
import { seedDemo, seedDemoClinics } from "../lib/demo/seed";
import { dropObjectsWithPrefix } from "../lib/tenancy/prefix-cleanup";
import { ensureDefaultServer } from "../lib/tenancy/servers";
import { ensureBuild, spawnAppServer, stopTogether } from "./lib/next-server";
import { runScript } from "./lib/run-script";

runScript(async () => {
  const port = Number(process.env.PORT ?? 3100);
  // Parallel e2e runs (E2E_PORT in playwright.config.ts) each build into a folder of their own.
  const distDir = process.env.E2E_DIST_DIR ?? ".next-e2e";
  const prefix = `e2e${randomBytes(3).toString("hex")}_`;
  // This process provisions the demo clinics too, so it needs the same names and key as the server.
  process.env.TENANT_NAME_PREFIX = prefix;
  process.env.TENANT_SECRETS_KEY = randomBytes(32).toString("base64");
  process.env.AUTH_SECRET = randomBytes(32).toString("base64");
  // A throwaway backup key and folder: deleting a clinic backs it up first, and the backups console
  // takes and restores real backups. The schedule stays off, so no backup starts mid-test.
  process.env.BACKUP_KEY ??= `e2e:${randomBytes(32).toString("base64")}`;
  process.env.BACKUP_DIR ??= await mkdtemp(path.join(os.tmpdir(), "clinic-e2e-backups-"));
  process.env.BACKUP_SCHEDULE ??= "off";
  const server = await startServer();
  // A second server with wal_level=logical for the move spec, started while the demo is seeded.
  const spareStarting = startSpareServer((line) => console.log(line));
  const centralUrl = withDatabaseName(server.adminUrl, `${prefix}central`);
  const backupDir = process.env.BACKUP_DIR;
  const cleanup = async () => {
    await rm(e2eContextPath(port), { force: true });
    if (backupDir.includes("clinic-e2e-backups-")) await rm(backupDir, { recursive: true, force: true });
    await (await spareStarting)?.stop();
    await server.dispose(prefix);
  };
  try {
    await prepareCentralDatabase(centralUrl);
    const central = createCentralClient(centralUrl, 2);
    await ensureDefaultServer(central, centralUrl);
    await seedDemo(central);
    await seedDemoClinics(central, (line) => console.log(line), { patients: 200 });
    await placeClinicOnSpare(central, await spareStarting, (line) => console.log(line));
    await central.$disconnect();
    const env = {
      ...process.env,
      NEXT_DIST_DIR: distDir,
      ROOT_DOMAIN: process.env.ROOT_DOMAIN ?? `localhost:${port}`,
      DATABASE_URL: centralUrl,
    };
    await writeE2eContext(port, {
      centralUrl,
      prefix,
      secretsKey: process.env.TENANT_SECRETS_KEY as string,
      authSecret: process.env.AUTH_SECRET as string,
    });
    // `npm test` type-checks before the e2e run; the build need not do it again.
    await ensureBuild({ distDir, env, typecheck: false });
    const logFile = e2eServerLogPath(port);
    stopTogether(spawnAppServer({ dev: false, port, env, logFile }), cleanup);
    return new Promise<number>(() => {});
  } catch (error) {
    await cleanup();
    throw error;
  }
});

/** The server of DATABASE_URL, or a throwaway embedded one; `dispose` removes what this run made. */
async function startServer(): Promise<{ adminUrl: string; dispose(prefix: string): Promise<void> }> {
  if (process.env.DATABASE_URL) {
    const adminUrl = parseDatabaseUrl(process.env.DATABASE_URL).toString();
    return { adminUrl, dispose: (prefix) => dropObjectsWithPrefix(adminUrl, prefix) };
  }
  const dataDir = await mkdtemp(path.join(os.tmpdir(), "clinic-e2e-pg-"));
  await chmod(dataDir, 0o755);
  const embedded = await startEmbeddedPostgres({ dataDir, port: await findFreePort(56432), ephemeral: true });
  return {
    adminUrl: embedded.adminUrl,
    // The whole cluster goes, so there is nothing to drop first.
    dispose: async () => {
      await embedded.stop().finally(() => rm(dataDir, { recursive: true, force: true }));
    },
  };
}
