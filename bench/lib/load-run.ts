import { spawn } from "node:child_process";
import { fileURLToPath } from "node:url";
import { projectRoot } from "../../lib/db/project-root";
import type { Distribution } from "./host-order";

export type LoadConfig = {
  /** Where requests go (a loopback address); the Host header says which clinic they are for. */
  url: string;
  /** Host headers: taken in turn ("uniform", the default) or drawn seeded Zipf ("zipf"), first busiest. */
  hosts: string[];
  distribution?: Distribution;
  /** Zipf's s (default 1.1). */
  zipfExponent?: number;
  /** With `hosts`, index for index: text each host's page must hold (its clinic's name). */
  bodyIncludes?: string[];
  connections: number;
  warmupSeconds: number;
  durationSeconds: number;
};

export type LoadResult = {
  requestsPerSecond: number;
  /** Requests measured, and those of the warm-up before them. */
  requests: number;
  warmupRequests: number;
  p50Ms: number;
  p99Ms: number;
  maxMs: number;
  /** Connection errors and timeouts (autocannon counts timeouts among the errors). */
  errors: number;
  timeouts: number;
  non2xx: number;
  /** 2xx answers without the requested host's `bodyIncludes` text: another clinic's page. */
  wrongClinic: number;
  statusCodes: Record<string, number>;
};

const workerPath = fileURLToPath(new URL("./load-worker.ts", import.meta.url));

/** Runs the load in a child process (load-worker.ts) and returns its summary; killed if it overruns. */
export function runLoad(config: LoadConfig): Promise<LoadResult> {
  const child = spawn(process.execPath, ["--import", "tsx", workerPath, JSON.stringify(config)], {
    cwd: projectRoot,
    stdio: ["ignore", "pipe", "inherit"],
  });
  let stdout = "";
  child.stdout.on("data", (chunk: Buffer) => {
    stdout += chunk.toString();
  });
  const limitMs = (config.warmupSeconds + config.durationSeconds + 60) * 1000;
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill("SIGKILL");
      reject(new Error(`the load generator did not finish within ${limitMs / 1000} s`));
    }, limitMs);
    child.once("error", reject);
    child.once("exit", (code) => {
      clearTimeout(timer);
      const line = stdout.trim().split("\n").at(-1) ?? "";
      if (code !== 0 || !line.startsWith("{")) {
        reject(new Error(`the load generator failed (exit ${code}); see its output above`));
        return;
      }
      resolve(JSON.parse(line) as LoadResult);
    });
  });
}
