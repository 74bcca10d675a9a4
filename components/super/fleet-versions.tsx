import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { Cell, HeaderCell, Table, TableBody, TableHead } from "@/components/ui/table";
import type { findFleetStatus } from "@/lib/super/fleet";

type FleetStatus = Awaited<ReturnType<typeof findFleetStatus>>;

/** How many clinics sit at each schema version, and what each version still lacks. */
export function FleetVersions({ fleet }: { fleet: FleetStatus }) {
  return (
    <Card>
      <CardHeader>
        <CardTitle as="h2">Pending clinic migrations</CardTitle>
        <CardDescription>
          Target version <code className="break-all text-slate-800">{fleet.target ?? "none"}</code>:{" "}
          {fleet.atTarget} of {fleet.total} clinics there, {fleet.behind} behind, {fleet.withError} whose last
          attempt failed.
        </CardDescription>
      </CardHeader>
      <CardContent>
        {fleet.versions.length === 0 ? (
          <p className="text-sm text-slate-700">No active or suspended clinics yet: nothing to migrate.</p>
        ) : (
          <Table caption="Clinics per schema version">
            <TableHead>
              <HeaderCell>Schema version</HeaderCell>
              <HeaderCell>Clinics</HeaderCell>
              <HeaderCell>Pending migrations</HeaderCell>
            </TableHead>
            <TableBody>
              {fleet.versions.map((group) => (
                <tr key={group.version ?? "none"}>
                  <Cell>
                    <code className="text-xs">{group.version ?? "unknown"}</code>
                    {group.version === fleet.target ? (
                      <span className="ml-2 text-xs text-green-800">newest</span>
                    ) : null}
                  </Cell>
                  <Cell className="tabular-nums">{group.clinics}</Cell>
                  <Cell>
                    {group.pending.length === 0 ? (
                      <span className="text-slate-600">none</span>
                    ) : (
                      <ul className="flex flex-col gap-0.5">
                        {group.pending.map((name) => (
                          <li key={name}>
                            <code className="text-xs">{name}</code>
                          </li>
                        ))}
                      </ul>
                    )}
                  </Cell>
                </tr>
              ))}
            </TableBody>
          </Table>
        )}
      </CardContent>
    </Card>
  );
}
