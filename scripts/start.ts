// npm start (and npm run dev): the whole product, on embedded PostgreSQL when DATABASE_URL is unset.
// `npm start -- --workers N [--base-port P]` runs N app processes on ports P … P+N−1 (P = PORT, 3000).
import { parseArgs } from "node:util";

import { deriveAuthSecret, getAuthSecret } from "../lib/auth/secret";
import { checkPgToolsAt } from "../lib/backups/pg-tools-check";
import { createCentralClient } from "../lib/db/central";
import { redactDatabaseUrl } from "../lib/db/database-url";
import { isPortFree } from "../lib/db/embedded-server";
import { connectPlatformDatabase, type PlatformDatabase, prepareCentralDatabase } from "../lib/db/platform";
import {
  DEMO_ACCOUNTS,
  DEMO_STAFF_PASSWORD,
  ensureFirstSuperAdmin,
  seedDemo,
  seedDemoClinics,
} from "../lib/demo/seed";
import { enforceConnectionPlan } from "../lib/tenancy/connection-plan";
import { metricsTokenProblem } from "../lib/tenancy/process-metrics";
import { getSecretsKey } from "../lib/tenancy/secrets";
import { ensureDefaultServer } from "../lib/tenancy/servers";
import { parseTrustedProxies } from "./lib/app-server";
import { AppSupervisor, superviseUntilStopped } from "./lib/app-supervisor";
import { spawnAppServer, startBuild } from "./lib/next-server";
import { runScript, UsageError } from "./lib/run-script";

runScript(async () => {
  const { dev, workers, port } = parseStartArgs();
  // Every app process knows how many there are, and so does this one's connection-plan check.
  process.env.APP_PROCESSES = String(workers);
  for (let appPort = port; appPort < port + workers; appPort++) {
    if (!(await isPortFree(appPort))) {
      console.error(
        `error: port ${appPort} is in use (another npm start?). Stop it, or choose another: PORT=3001 ROOT_DOMAIN=localhost:3001 npm start`,
      );
      return 1;
    }
  }
  // A wrong TRUSTED_PROXIES stops here, before PostgreSQL starts; the app server checks it again.
  parseTrustedProxies(process.env.TRUSTED_PROXIES);
  const metricsProblem = metricsTokenProblem(process.env);
  if (metricsProblem) throw new UsageError(metricsProblem);
  // Refuses to go on without TENANT_SECRETS_KEY when DATABASE_URL is set; else uses .data's key file.
  const secretsKey = getSecretsKey();
  const env = {
    ...process.env,
    ROOT_DOMAIN: process.env.ROOT_DOMAIN ?? `localhost:${port}`,
    TENANT_SECRETS_KEY: secretsKey.toString("base64"),
    // A real deployment sets its own; the embedded demo derives one from its local key.
    AUTH_SECRET:
      process.env.AUTH_SECRET ?? (process.env.DATABASE_URL ? getAuthSecret() : deriveAuthSecret(secretsKey)),
  };

  // The build needs no database: it runs while PostgreSQL starts and the demo is seeded.
  const build = dev
    ? undefined
    : startBuild({ distDir: process.env.NEXT_DIST_DIR || ".next", env, typecheck: false });
  console.log(
    process.env.DATABASE_URL ? "using DATABASE_URL" : "starting embedded PostgreSQL (data in .data/)…",
  );
  const platform = await connectPlatformDatabase({}).catch((error: unknown) => {
    build?.stop();
    throw error;
  });
  const stopDatabase = async () => {
    await platform.embedded?.stop();
  };
  try {
    // A failed build waits for the seeding to finish, so a demo clinic is never left half filled.
    const firstAdmin = await prepareDatabase(platform).catch((error: unknown) => {
      build?.stop();
      throw error;
    });
    const pgTools = await checkPgToolsAt(platform.centralUrl);
    if (!pgTools.ok) console.warn(`warning: ${pgTools.reason}`);
    // The app server reads the same NEXT_DIST_DIR through next.config.js, so it serves this build.
    await build?.done;

    const appEnv = { ...env, DATABASE_URL: platform.centralUrl };
    const supervisor = new AppSupervisor({
      count: workers,
      basePort: port,
      rootHost: env.ROOT_DOMAIN,
      spawn: (appPort) => spawnAppServer({ dev, port: appPort, env: appEnv }),
    });
    const stopped = superviseUntilStopped(supervisor, stopDatabase);
    await supervisor.start().catch(async (error: unknown) => {
      await supervisor.stop();
      throw error;
    });
    console.log(
      `\nClinic Platform is running at http://${env.ROOT_DOMAIN}  (Ctrl-C stops it and PostgreSQL)`,
    );
    if (workers > 1) {
      console.log(
        `  ${workers} app processes on ports ${port}–${port + workers - 1}; nginx in front: npm run nginx:config -- --processes ${workers} --base-port ${port}`,
      );
      console.log(`  rolling restart (each process drained, then replaced): kill -HUP ${process.pid}`);
    }
    if (platform.embedded) {
      const { superAdmin, clinicAdmin } = DEMO_ACCOUNTS;
      console.log(`  super admin:  ${superAdmin.email} / ${superAdmin.password}`);
      console.log(`  clinic admin: ${clinicAdmin.email} / ${clinicAdmin.password}`);
      console.log(`  demo clinics: http://maple.${env.ROOT_DOMAIN}  http://harbor.${env.ROOT_DOMAIN}`);
      console.log(
        `  clinic staff: receptionist@maple.test, doctor1@maple.test, manager@maple.test … / ${DEMO_STAFF_PASSWORD}`,
      );
    } else if (firstAdmin) {
      console.log(
        `  first super admin (shown once; change it at first sign-in): ${firstAdmin.email} / ${firstAdmin.password}`,
      );
    }
    return await stopped;
  } catch (error) {
    await stopDatabase();
    throw error;
  }
});

/** --dev, --workers N (1–64, production only) and --base-port P (default PORT, else 3000). */
function parseStartArgs(): { dev: boolean; workers: number; port: number } {
  const { values } = parseArgs({
    options: {
      dev: { type: "boolean", default: false },
      workers: { type: "string", default: "1" },
      "base-port": { type: "string", default: process.env.PORT ?? "3000" },
    },
  });
  const workers = Number(values.workers);
  const port = Number(values["base-port"]);
  if (!Number.isInteger(workers) || workers < 1 || workers > 64) {
    throw new UsageError("--workers takes a whole number from 1 to 64.");
  }
  if (values.dev && workers > 1) {
    throw new UsageError("npm run dev runs one app process; --workers is for npm start.");
  }
  if (!Number.isInteger(port) || port < 1 || port + workers - 1 > 65_535) {
    throw new UsageError(`--base-port (or PORT) must leave ${workers} port(s) below 65536: e.g. 3000.`);
  }
  return { dev: values.dev, workers, port };
}

/** Migrates the central database; seeds the embedded demo, or a first super admin on a real server. */
async function prepareDatabase(
  platform: PlatformDatabase,
): Promise<{ email: string; password: string } | undefined> {
  const { created, applied } = await prepareCentralDatabase(platform.centralUrl);
  console.log(
    `central database ${redactDatabaseUrl(platform.centralUrl)}${created ? " (created)" : ""}: ${applied.length} migration(s) applied`,
  );
  const central = createCentralClient(platform.centralUrl, 2);
  try {
    // The embedded server's port can change between runs; clinic URLs follow the server row.
    await ensureDefaultServer(central, platform.centralUrl);
    await enforceConnectionPlan({ central, role: "app" });
    if (!platform.embedded) {
      return await ensureFirstSuperAdmin(central, process.env.SUPER_ADMIN_EMAIL ?? "admin@example.com");
    }
    if ((await seedDemo(central)).seeded) console.log("demo accounts created");
    await seedDemoClinics(central, (line) => console.log(line));
    return undefined;
  } finally {
    await central.$disconnect();
  }
}
