import { ButtonLink } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import type { findFleetStatus } from "@/lib/super/fleet";
import { formatCount } from "./format";
import { StatList } from "./stat-list";

type FleetStatus = Awaited<ReturnType<typeof findFleetStatus>>;

export function FleetSummaryCard({ fleet }: { fleet: FleetStatus }) {
  return (
    <Card>
      <CardHeader>
        <CardTitle as="h2">Fleet schema</CardTitle>
        <CardDescription>
          Newest clinic schema: <code className="text-slate-800">{fleet.target ?? "none"}</code>. Counts cover
          active and suspended clinics (the others have no complete database).
        </CardDescription>
      </CardHeader>
      <CardContent className="flex flex-col gap-4">
        <StatList
          items={[
            { label: "At newest", value: formatCount(fleet.atTarget) },
            { label: "Behind", value: formatCount(fleet.behind) },
            { label: "Last run failed", value: formatCount(fleet.withError) },
          ]}
        />
        <ButtonLink href="/super/fleet" variant="secondary" size="sm" className="self-start">
          {fleet.behind > 0 || fleet.withError > 0 ? "Roll out pending migrations" : "Fleet runs"}
        </ButtonLink>
      </CardContent>
    </Card>
  );
}
