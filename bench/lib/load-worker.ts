// The load generator's own process (spawned by runLoad in load-run.ts), so its CPU is not the
// measured server's: autocannon over `url`, the Host header taking each of `hosts` in turn across
// all connections (or drawn Zipf), a warm-up first; one JSON line (LoadResult) on stdout.
import autocannon from "autocannon";
import { createHostPicker } from "./host-order";
import type { LoadConfig, LoadResult } from "./load-run";

const config = JSON.parse(process.argv[2] ?? "{}") as LoadConfig;
const pickHost = createHostPicker({
  count: config.hosts.length,
  distribution: config.distribution ?? "uniform",
  seed: 17,
  exponent: config.zipfExponent,
});
let wrongClinic = 0;
type HostContext = { host?: number };

function hammer(seconds: number): Promise<autocannon.Result> {
  return autocannon({
    url: config.url,
    connections: config.connections,
    duration: seconds,
    timeout: 10,
    requests: [
      {
        setupRequest: (request, context) => {
          // A connection sends its next request only once the last is answered, so context holds one.
          const host = pickHost();
          (context as HostContext).host = host;
          return { ...request, headers: { ...request.headers, host: config.hosts[host] } };
        },
        onResponse: (status, body, context) => {
          const expected = config.bodyIncludes?.[(context as HostContext).host ?? -1];
          if (expected && status >= 200 && status < 300 && !body.includes(expected)) wrongClinic++;
        },
      },
    ],
  });
}

const warmup = config.warmupSeconds > 0 ? await hammer(config.warmupSeconds) : undefined;
wrongClinic = 0;
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
  wrongClinic,
  statusCodes,
};
process.stdout.write(`${JSON.stringify(summary)}\n`);
