import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import type { TenantRegistryMetrics } from "@/lib/tenancy/registry";
import { formatCount } from "./format";
import { StatList } from "./stat-list";

export function RegistryMetricsCard({ metrics }: { metrics: TenantRegistryMetrics }) {
  return (
    <Card>
      <CardHeader>
        <CardTitle as="h2">Clinic connections of this app process</CardTitle>
        <CardDescription>
          Each app process keeps its own clinic clients, so these numbers describe the process that drew this
          page only, counted since it started. Budget: {formatCount(metrics.budget)} connections,{" "}
          {formatCount(metrics.poolMax)} per clinic.
        </CardDescription>
      </CardHeader>
      <CardContent>
        <StatList
          items={[
            { label: "Cached clients", value: formatCount(metrics.cachedClients) },
            { label: "Open connections", value: formatCount(metrics.openConnections) },
            { label: "Hits", value: formatCount(metrics.hits), hint: "Requests served by a cached client" },
            { label: "Misses", value: formatCount(metrics.misses), hint: "Clients opened" },
            {
              label: "Evictions",
              value: formatCount(metrics.evictions),
              hint: "Idle clients closed to make room",
            },
            {
              label: "Waits",
              value: formatCount(metrics.waits),
              hint: `Requests that waited for a free client (${formatCount(metrics.waitTimeouts)} gave up)`,
            },
          ]}
        />
      </CardContent>
    </Card>
  );
}
