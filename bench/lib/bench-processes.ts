import { findFreePort } from "../../lib/db/embedded-server";
import { findFreePorts } from "../../lib/testing/free-ports";
import { type NginxServer, startNginx } from "../../lib/testing/nginx-server";
import { AppSupervisor } from "../../scripts/lib/app-supervisor";
import { spawnAppServer } from "../../scripts/lib/next-server";
import { renderNginxSite } from "../../scripts/lib/nginx-config";
import { BENCH_DIST_DIR } from "./bench-next";

export type BenchProcesses = {
  /** nginx's port; clinic hosts are `<subdomain>.localhost` ($host carries no port). */
  port: number;
  rootHost: string;
  supervisor: AppSupervisor;
  nginx: NginxServer;
  stop(): Promise<void>;
};

/**
 * The .next-bench build as `npm start -- --workers N` runs it (the supervisor, scripts/serve.ts per
 * process), behind nginx with the site `npm run nginx:config` writes, on plain HTTP.
 */
export async function startBenchProcesses(options: {
  processes: number;
  env: NodeJS.ProcessEnv;
}): Promise<BenchProcesses> {
  const ports = await findFreePorts(3250, options.processes);
  const basePort = ports[0] as number;
  const rootHost = "localhost";
  const env = {
    ...options.env,
    NEXT_DIST_DIR: BENCH_DIST_DIR,
    ROOT_DOMAIN: rootHost,
    APP_PROCESSES: String(options.processes),
    BACKUP_SCHEDULE: "off",
  };
  const supervisor = new AppSupervisor({
    count: options.processes,
    basePort,
    rootHost,
    spawn: (port) => spawnAppServer({ dev: false, port, env }),
  });
  await supervisor.start().catch(async (error: unknown) => {
    await supervisor.stop();
    throw error;
  });
  const port = await findFreePort(3280);
  const site = renderNginxSite({
    processes: options.processes,
    basePort,
    serverName: rootHost,
    listen: `127.0.0.1:${port}`,
  });
  const nginx = await startNginx({ site, port, accessLog: true }).catch(async (error: unknown) => {
    await supervisor.stop();
    throw error;
  });
  return {
    port,
    rootHost,
    supervisor,
    nginx,
    stop: async () => {
      await nginx.stop();
      await supervisor.stop();
    },
  };
}

export type KillSummary = {
  requests: number;
  statuses: Record<string, number>;
  /** Requests that ended on the killed process with 502: sent, then cut, and not retried. */
  failedOnKilled: number;
  /** Requests nginx sent on to the next process after the killed one failed them. */
  retried: number;
  /** In ms after the kill: the last such retry, the new process's first /api/health answer, its first clinic page. */
  lastRetryMs?: number;
  healthyMs: number;
  backMs?: number;
};

/**
 * Reads nginx's access log (`$msec|$status|$upstream_addr|$upstream_status`, one line per request
 * as it ends) from `sinceMs` on, around the kill of the process on `port`.
 */
export function summarizeKill(
  log: string,
  kill: { port: number; atMs: number; healthyAtMs: number; sinceMs: number },
): KillSummary {
  const killed = `:${kill.port}`;
  const summary: KillSummary = {
    requests: 0,
    statuses: {},
    failedOnKilled: 0,
    retried: 0,
    healthyMs: kill.healthyAtMs - kill.atMs,
  };
  for (const line of log.split("\n")) {
    const [msec, status = "", upstreams = ""] = line.split("|");
    const atMs = Number(msec) * 1000;
    if (!msec || atMs < kill.sinceMs) continue;
    summary.requests++;
    summary.statuses[status] = (summary.statuses[status] ?? 0) + 1;
    const tried = upstreams.split(", ");
    if (status === "502" && tried.length === 1 && tried[0]?.endsWith(killed)) summary.failedOnKilled++;
    if (tried.length > 1 && tried[0]?.endsWith(killed)) {
      summary.retried++;
      summary.lastRetryMs = atMs - kill.atMs;
    }
    if (summary.backMs === undefined && atMs >= kill.healthyAtMs && tried.at(-1)?.endsWith(killed)) {
      summary.backMs = atMs - kill.atMs;
    }
  }
  return summary;
}
