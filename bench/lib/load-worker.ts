// The load generator's own process (spawned by runLoad in load-run.ts), so its CPU is not the
// measured server's: autocannon over `url`, the Host header taking each of `hosts` in turn across
// all connections, a warm-up first; one JSON line (LoadResult) on stdout.
import autocannon from "autocannon";
import type { LoadConfig, LoadResult } from "./load-run";

const config = JSON.parse(process.argv[2] ?? "{}") as LoadConfig;
let nextHost = 0;

function hammer(seconds: number): Promise<autocannon.Result> {
  return autocannon({
    url: config.url,
    connections: config.connections,
    duration: seconds,
    timeout: 10,
    requests: [
      {
        setupRequest: (request) => {
          const host = config.hosts[nextHost++ % config.hosts.length];
          return { ...request, headers: { ...request.headers, host } };
        },
      },
    ],
  });
}

const warmup = config.warmupSeconds > 0 ? await hammer(config.warmupSeconds) : undefined;
const result = await hammer(config.durationSeconds);
const statusCodes = Object.fromEntries(
  Object.entries(result.statusCodeStats ?? {}).map(([code, stats]) => [code, stats.count ?? 0]),
);
const summary: LoadResult = {
  requestsPerSecond: result.requests.average,
  requests: result.requests.total,
  warmupRequests: warmup?.requests.total ?? 0,
  p50Ms: result.latency.p50,
  p99Ms: result.latency.p99,
  maxMs: result.latency.max,
  errors: result.errors,
  timeouts: result.timeouts,
  non2xx: result.non2xx,
  statusCodes,
};
process.stdout.write(`${JSON.stringify(summary)}\n`);
