import type { ProcessMetrics } from "../../lib/tenancy/process-metrics";
import { requestWithHost } from "../../lib/testing/host-request";

export type AppTarget = { port: number; host: string };

/** GET /api/metrics of each app process directly (not through nginx), with the bench's METRICS_TOKEN. */
export async function readAppMetrics(targets: AppTarget[], token: string): Promise<ProcessMetrics[]> {
  return Promise.all(
    targets.map(async ({ port, host }) => {
      const answer = await requestWithHost({
        port,
        host,
        path: "/api/metrics",
        headers: { authorization: `Bearer ${token}` },
        timeoutMs: 10_000,
      });
      if (answer.status !== 200) throw new Error(`/api/metrics on port ${port} answered ${answer.status}.`);
      return JSON.parse(answer.body) as ProcessMetrics;
    }),
  );
}

export type RegistryRates = {
  clientHits: number;
  clientMisses: number;
  connectionHits: number;
  connectionMisses: number;
  /** Share of leases that found the clinic's client warm, and its connection open. */
  clientHitRate: number;
  connectionHitRate: number;
  /** Heap at the end, per process. */
  heapBytes: number[];
  /** Warm clients kept at the end, per process. */
  cachedClients: number[];
};

/** The registry counters between two readings, summed over processes; a restarted process counts from 0. */
export function registryRates(before: ProcessMetrics[], after: ProcessMetrics[]): RegistryRates {
  const sum = (key: "clientHits" | "clientMisses" | "connectionHits" | "connectionMisses") =>
    after.reduce((total, now) => {
      const then = before.find((reading) => reading.pid === now.pid);
      return total + now.tenantRegistry[key] - (then?.tenantRegistry[key] ?? 0);
    }, 0);
  const [clientHits, clientMisses] = [sum("clientHits"), sum("clientMisses")];
  const [connectionHits, connectionMisses] = [sum("connectionHits"), sum("connectionMisses")];
  const rate = (hits: number, misses: number) => (hits + misses === 0 ? 0 : hits / (hits + misses));
  return {
    clientHits,
    clientMisses,
    connectionHits,
    connectionMisses,
    clientHitRate: rate(clientHits, clientMisses),
    connectionHitRate: rate(connectionHits, connectionMisses),
    heapBytes: after.map((reading) => reading.heapUsedBytes),
    cachedClients: after.map((reading) => reading.tenantRegistry.cachedClients),
  };
}
