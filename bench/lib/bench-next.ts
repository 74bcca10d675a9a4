import type { ChildProcess } from "node:child_process";
import { requestWithHost } from "../../lib/testing/host-request";
import { ensureBuild, spawnNext } from "../../scripts/lib/next-server";

// Its own build folder, so a benchmark never replaces the build `npm start` or the e2e server uses.
export const BENCH_DIST_DIR = ".next-bench";

export type BenchNext = { port: number; pid?: number; stop(): Promise<void> };

/** Builds the app into .next-bench unless that build is newer than every source file. */
export function buildBenchApp(env: NodeJS.ProcessEnv): Promise<void> {
  return ensureBuild({ distDir: BENCH_DIST_DIR, env: { ...env, NEXT_DIST_DIR: BENCH_DIST_DIR } });
}

/** Runs the .next-bench build with `next start` on localhost:`port` and waits for /api/health. */
export async function startBenchNext(options: {
  port: number;
  rootHost: string;
  env: NodeJS.ProcessEnv;
}): Promise<BenchNext> {
  const env = { ...options.env, NEXT_DIST_DIR: BENCH_DIST_DIR };
  // Loopback only, but named "localhost": Next normalizes 127.0.0.1 in the middleware's URL to localhost,
  // so with `--hostname 127.0.0.1` the clinic rewrite looks external and is proxied (in a loop).
  const child = spawnNext(["start", "--hostname", "localhost", "--port", String(options.port)], env);
  const server = { port: options.port, pid: child.pid, stop: () => stopChild(child) };
  try {
    await waitForHealth(child, options.port, options.rootHost);
  } catch (error) {
    await server.stop();
    throw error;
  }
  return server;
}

/** GET `path` from 127.0.0.1:`port` as if for `host` (fetch may not set a Host header). */
export function getPage(options: { port: number; host: string; path?: string }) {
  return requestWithHost({ ...options, path: options.path ?? "/", timeoutMs: 10_000 });
}

async function waitForHealth(child: ChildProcess, port: number, rootHost: string, timeoutMs = 120_000) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`next start exited (code ${child.exitCode}).`);
    const health = await getPage({ port, host: rootHost, path: "/api/health" }).catch(() => undefined);
    if (health?.status === 200) return;
    await new Promise((resolve) => setTimeout(resolve, 300));
  }
  throw new Error(`/api/health did not answer within ${timeoutMs / 1000} s.`);
}

/** SIGTERM, then SIGKILL if it has not exited after 15 s. */
async function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((resolve) => child.once("exit", resolve));
  child.kill("SIGTERM");
  const timer = setTimeout(() => child.kill("SIGKILL"), 15_000);
  await exited;
  clearTimeout(timer);
}
