import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import type { findFleetStatus } from "@/lib/super/fleet";

type FleetStatus = Awaited<ReturnType<typeof findFleetStatus>>;

/** How many clinics sit at each schema version, and what each version still lacks. */
export function FleetVersions({ fleet }: { fleet: FleetStatus }) {
  return (
    <Card>
      <CardHeader>
        <CardTitle as="h2">Pending clinic migrations</CardTitle>
        <CardDescription>
          Target version <code className="text-slate-800">{fleet.target ?? "none"}</code>: {fleet.atTarget} of{" "}
          {fleet.total} clinics there, {fleet.behind} behind, {fleet.withError} whose last attempt failed.
        </CardDescription>
      </CardHeader>
      <CardContent>
        {fleet.versions.length === 0 ? (
          <p className="text-sm text-slate-700">No active or suspended clinics yet: nothing to migrate.</p>
        ) : (
          <div className="overflow-x-auto rounded-lg border border-slate-200">
            <table className="w-full text-left text-sm">
              <caption className="sr-only">Clinics per schema version</caption>
              <thead className="bg-slate-50 text-slate-700">
                <tr>
                  <th scope="col" className="px-3 py-2 font-medium">
                    Schema version
                  </th>
                  <th scope="col" className="px-3 py-2 font-medium">
                    Clinics
                  </th>
                  <th scope="col" className="px-3 py-2 font-medium">
                    Pending migrations
                  </th>
                </tr>
              </thead>
              <tbody className="divide-y divide-slate-100">
                {fleet.versions.map((group) => (
                  <tr key={group.version ?? "none"}>
                    <td className="px-3 py-2">
                      <code className="text-xs">{group.version ?? "unknown"}</code>
                      {group.version === fleet.target ? (
                        <span className="ml-2 text-xs text-green-800">newest</span>
                      ) : null}
                    </td>
                    <td className="px-3 py-2 tabular-nums">{group.clinics}</td>
                    <td className="px-3 py-2">
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
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </CardContent>
    </Card>
  );
}
