import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import type { TenantRegistryMetrics } from "@/lib/tenancy/registry";
import { formatCount } from "./format";
import { StatList } from "./stat-list";

/** Share of requests served from the cache, or a dash before the first request. */
function hitRate(hits: number, misses: number): string {
  const requests = hits + misses;
  return requests === 0 ? "—" : `${Math.floor((hits / requests) * 100)} %`;
}

export function RegistryMetricsCard({ metrics }: { metrics: TenantRegistryMetrics }) {
  return (
    <Card>
      <CardHeader>
        <CardTitle as="h2">Clinic connections of this app process</CardTitle>
        <CardDescription>
          Each app process keeps its own clinic clients, so these numbers describe the process that drew this
          page only, counted since it started. Clients are kept ready for up to{" "}
          {formatCount(metrics.clientCache)} clinics; connections are budgeted apart:{" "}
          {formatCount(metrics.budget)} in all, {formatCount(metrics.poolMax)} per clinic.
        </CardDescription>
      </CardHeader>
      <CardContent>
        <StatList
          items={[
            {
              label: "Clients kept",
              value: `${formatCount(metrics.cachedClients)} / ${formatCount(metrics.clientCache)}`,
              hint: `Clinics whose client is ready (${formatCount(metrics.clientEvictions)} closed to make room)`,
            },
            {
              label: "Client hit rate",
              value: hitRate(metrics.clientHits, metrics.clientMisses),
              hint: `Requests that found their clinic's client ready (${formatCount(metrics.clientMisses)} clients made)`,
            },
            {
              label: "Open connections",
              value: `${formatCount(metrics.openConnections)} / ${formatCount(metrics.budget)}`,
              hint: `Connections held by ${formatCount(metrics.connectedClients)} clinics`,
            },
            {
              label: "Connection hit rate",
              value: hitRate(metrics.connectionHits, metrics.connectionMisses),
              hint: `Requests whose clinic was already connected (${formatCount(metrics.connectionMisses)} were not)`,
            },
            {
              label: "Connections moved",
              value: formatCount(metrics.connectionEvictions),
              hint: "Idle clinics whose connections were closed for another clinic",
            },
            {
              label: "Waits",
              value: formatCount(metrics.waits),
              hint: `Requests that waited for a free connection (${formatCount(metrics.waitTimeouts)} gave up)`,
            },
          ]}
        />
      </CardContent>
    </Card>
  );
}
