import { type ChildProcess, spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { openSync } from "node:fs";
import { chmod, mkdtemp, readFile, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { readDbTimeouts } from "../../lib/db/connection-timeouts";
import { type EmbeddedServer, findFreePort, startEmbeddedPostgres } from "../../lib/db/embedded-server";
import { type FaultProxy, startFaultProxy } from "../../lib/db/fault-proxy";
import { projectRoot } from "../../lib/db/project-root";
import { ClinicDatabaseService } from "../../lib/tenancy/clinic-database-service";
import { createPlatformFixture, type PlatformFixture } from "../../lib/testing/platform-fixture";
import { ensureBuild } from "../../scripts/lib/next-server";
import { getPage } from "./bench-next";
import { machineLine } from "./bench-server";
import { seenInBrowser } from "./browser-probe";
import { measureCapacity, startPacedLoad } from "./paced-load";
import { type FaultTimeline, summarizeFault, writeReliabilitySection } from "./reliability-report";

// Its own build folder, so a fault run never replaces the build `npm start`, the e2e server or a benchmark uses.
const FAULT_DIST_DIR = ".next-fault";
const CLINIC = "fault-0";

/** What a fault script gets: the PostgreSQL it owns and the proxy the app reaches it through. */
export type FaultContext = {
  proxy: FaultProxy;
  /** Stops PostgreSQL (fast shutdown: sessions end) and starts it again on the same data. */
  restartPostgres(downMs: number, whileDown?: () => Promise<void>): Promise<void>;
};

export type FaultScenario = {
  /** The npm script, also the RELIABILITY.md section's name. */
  script: string;
  title: string;
  /** What the fault does, for the report. */
  describe(downSeconds: number): string;
  /** Causes the fault, waits `downMs` (and for `whileDown`) and ends it; resolves once PostgreSQL is reachable again. */
  inject(context: FaultContext, downMs: number, whileDown?: () => Promise<void>): Promise<void>;
};

/**
 * Runs one fault under load: embedded PostgreSQL behind the fault proxy, the production app
 * (scripts/serve.ts) reaching both its central and its clinic database through the proxy, and an
 * open-loop load on one clinic's home page; then writes its section of bench/RELIABILITY.md.
 */
export async function runFaultScenario(scenario: FaultScenario): Promise<void> {
  const { values } = parseArgs({
    options: {
      // Requests a second; by default half of the capacity measured just before.
      rate: { type: "string" },
      before: { type: "string", default: "10" },
      down: { type: "string", default: "10" },
      after: { type: "string", default: "15" },
    },
  });
  for (const [flag, value] of Object.entries(values)) {
    if (value !== undefined && (!/^\d+$/.test(value) || Number(value) === 0))
      throw new Error(`--${flag} takes a positive whole number.`);
  }
  const [beforeMs, downMs, afterMs] = [values.before, values.down, values.after].map(
    (s) => Number(s) * 1000,
  ) as [number, number, number];
  const timeouts = readDbTimeouts();
  process.env.TENANT_SECRETS_KEY = randomBytes(32).toString("base64");

  const work = await mkdtemp(path.join(os.tmpdir(), "clinic-fault-"));
  await chmod(work, 0o755);
  const dataDir = path.join(work, "pg");
  let postgres: EmbeddedServer | undefined;
  let proxy: FaultProxy | undefined;
  let platform: PlatformFixture | undefined;
  let app: ChildProcess | undefined;
  const cleanup = async () => {
    const steps = [
      () => stopChild(app),
      () => proxy?.close(),
      () => platform?.cleanup(),
      () => postgres?.stop(),
      () => rm(work, { recursive: true, force: true }),
    ];
    for (const step of steps)
      await step()?.catch((error: unknown) => console.error(`while cleaning up: ${error}`));
  };
  for (const signal of ["SIGINT", "SIGTERM"] as const) {
    process.once(signal, () => void cleanup().finally(() => process.exit(130)));
  }

  console.log(`${scenario.script}: ${machineLine()}`);
  try {
    postgres = await startEmbeddedPostgres({ dataDir, port: await findFreePort(59532) });
    const pgPort = postgres.port;
    proxy = await startFaultProxy({ target: { host: "127.0.0.1", port: pgPort } });
    platform = await createPlatformFixture(postgres.adminUrl, { label: "fault" });
    process.env.TENANT_NAME_PREFIX = platform.prefix;
    await new ClinicDatabaseService({ central: platform.central, env: platform.env }).provisionClinic({
      name: "Fault Clinic",
      subdomain: CLINIC,
      ownerId: platform.owner.id,
    });
    // From here every connection the app makes, central and clinic, passes through the proxy.
    await platform.central.databaseServer.update({
      where: { id: platform.server.id },
      data: { host: "127.0.0.1", port: proxy.port },
    });
    const centralUrl = new URL(platform.centralUrl);
    centralUrl.port = String(proxy.port);
    const port = await findFreePort(3290);
    const rootHost = `localhost:${port}`;
    const env = {
      ...platform.env,
      DATABASE_URL: centralUrl.toString(),
      ROOT_DOMAIN: rootHost,
      AUTH_SECRET: randomBytes(32).toString("base64"),
    };
    await ensureBuild({
      distDir: FAULT_DIST_DIR,
      env: { ...env, NEXT_DIST_DIR: FAULT_DIST_DIR },
      typecheck: false,
    });
    const logFile = path.join(work, "app.log");
    app = spawnApp(port, env, logFile);
    await waitForClinicPage(app, port, `${CLINIC}.${rootHost}`).catch(async (error: unknown) => {
      console.error((await readFile(logFile, "utf8")).split("\n").slice(-30).join("\n"));
      throw error;
    });

    const context: FaultContext = {
      proxy,
      restartPostgres: async (down, whileDown) => {
        const current = postgres;
        await current?.stop();
        await Promise.all([sleep(down), whileDown?.()]);
        postgres = await startEmbeddedPostgres({ dataDir, port: pgPort });
        proxy?.setTarget({ host: "127.0.0.1", port: postgres.port });
      },
    };
    const target = { port, host: `${CLINIC}.${rootHost}`, path: "/" };
    // What a person sees during the fault, in a rehearsal before the measured run (Chromium's start would load the machine).
    let page: Awaited<ReturnType<typeof seenInBrowser>> = null;
    await scenario.inject(context, 1_000, async () => {
      page = await seenInBrowser(`http://${target.host}/`);
    });
    await waitForClinicPage(app, port, target.host);
    const loadBefore = os.loadavg()[0]?.toFixed(1);
    const capacity = await measureCapacity({ ...target, concurrency: 8, seconds: 10 });
    const rate = values.rate ? Number(values.rate) : Math.max(1, Math.round(capacity / 2));
    const rateNote = `${rate} req/s (capacity measured just before: ${capacity.toFixed(0)} req/s with 8 clients back to back; load average ${loadBefore})`;
    console.log(`  load: ${rateNote} on ${CLINIC}'s home page; ${values.before} s before the fault…`);
    const load = startPacedLoad({ ...target, rate, timeoutMs: 30_000 });
    await sleep(beforeMs);
    const faultAt = performance.now() - load.startedAt;
    console.log(`  fault: ${scenario.describe(Number(values.down))}`);
    await scenario.inject(context, downMs);
    const backAt = performance.now() - load.startedAt;
    console.log(`  back after ${((backAt - faultAt) / 1000).toFixed(1)} s; ${values.after} s more load…`);
    await sleep(afterMs);
    const samples = await load.stop();
    const timeline: FaultTimeline = { faultAt, backAt, endAt: backAt + afterMs };
    const crashed = app.exitCode !== null || app.signalCode !== null;
    const log = await readFile(logFile, "utf8");
    const summary = summarizeFault({ samples, timeline, timeouts, crashed, log });
    summary.lines.push(
      `- The clinic's home page opened in Chromium during the same fault (a rehearsal before the measured run, no load): ${describePage(page)}.`,
    );
    await writeReliabilitySection({
      script: scenario.script,
      title: scenario.title,
      setup: [
        `Machine: ${machineLine()}; load average at the end ${os.loadavg()[0]?.toFixed(1)}.`,
        `Date: ${new Date().toISOString().slice(0, 16).replace("T", " ")} UTC.`,
        `Embedded PostgreSQL 15; the production app (\`scripts/serve.ts\`, build \`${FAULT_DIST_DIR}\`) reaches the central and the clinic database through the fault proxy (\`lib/db/fault-proxy.ts\`).`,
        `Load: ${rateNote}, open loop (\`bench/lib/paced-load.ts\`), \`GET /\` of one clinic (clinic row, settings, locations), signed out. (bench/RESULTS.md measured about 150 req/s on a quieter machine; this one is shared, so the rate is half of what it serves now.)`,
        `Fault: ${scenario.describe(Number(values.down))}`,
        `Timeouts: DB_CONNECT_TIMEOUT_MS ${timeouts.connectTimeoutMs}, DB_QUERY_TIMEOUT_MS ${timeouts.queryTimeoutMs}, DB_KEEPALIVE_DELAY_MS ${timeouts.keepAliveDelayMs}.`,
      ],
      summary,
    });
    console.log(summary.lines.map((line) => `  ${line}`).join("\n"));
    if (!summary.met) process.exitCode = 1;
  } finally {
    await cleanup();
  }
}

function spawnApp(port: number, env: NodeJS.ProcessEnv, logFile: string): ChildProcess {
  // Its output goes to a file: during an outage Next prints every failed render, and the run counts them.
  const out = openSync(logFile, "a", 0o600);
  return spawn(
    process.execPath,
    ["--import", "tsx", path.join(projectRoot, "scripts/serve.ts"), "--port", String(port)],
    {
      cwd: projectRoot,
      env: { ...env, NODE_ENV: "production", NEXT_DIST_DIR: FAULT_DIST_DIR },
      stdio: ["ignore", out, out],
    },
  );
}

async function waitForClinicPage(app: ChildProcess, port: number, host: string, timeoutMs = 120_000) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (app.exitCode !== null) throw new Error(`the app server exited (code ${app.exitCode}).`);
    const page = await getPage({ port, host }).catch(() => undefined);
    if (page?.status === 200) return;
    await sleep(300);
  }
  throw new Error(`${host} did not answer 200 within ${timeoutMs / 1000} s.`);
}

async function stopChild(child: ChildProcess | undefined): Promise<void> {
  if (!child || child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((resolve) => child.once("exit", resolve));
  child.kill("SIGTERM");
  const timer = setTimeout(() => child.kill("SIGKILL"), 15_000);
  await exited;
  clearTimeout(timer);
}

function describePage(page: { status: number | null; heading: string } | null): string {
  return page ? `HTTP ${page.status}, heading "${page.heading}"` : "no page within 45 s";
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
