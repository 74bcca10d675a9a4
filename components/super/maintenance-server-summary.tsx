import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { Cell, HeaderCell, Table, TableBody, TableHead } from "@/components/ui/table";
import type { ServerMaintenanceReport } from "@/lib/maintenance/server-report";
import { formatCount } from "./format";
import { XidAge } from "./maintenance-xid";

/** A server's autovacuum and connections at a glance, and other databases close to wraparound. */
export function MaintenanceServerSummary({ report }: { report: ServerMaintenanceReport }) {
  const { autovacuum, connections } = report;
  const busy = autovacuum.busy >= autovacuum.max && autovacuum.max > 0;
  return (
    <Card>
      <CardHeader>
        <CardTitle as="h2">Server {report.serverName}</CardTitle>
        <CardDescription>
          Autovacuum workers busy: {autovacuum.busy} of {autovacuum.max}
          {busy ? " (all busy: tables may wait for their vacuum)" : ""}. Connections: {connections.total} of{" "}
          {connections.max}.
        </CardDescription>
      </CardHeader>
      <CardContent className="flex flex-col gap-4">
        {autovacuum.working.length > 0 ? (
          <ul className="flex flex-col gap-1 text-sm text-slate-700">
            {autovacuum.working.map((worker) => (
              <li key={`${worker.database}-${worker.what}`}>
                {worker.database ?? "—"}: <code className="break-all text-xs">{worker.what}</code>
              </li>
            ))}
          </ul>
        ) : null}
        <Table caption="Connections by database and state">
          <TableHead>
            <HeaderCell>Database</HeaderCell>
            <HeaderCell>State</HeaderCell>
            <HeaderCell className="text-right">Connections</HeaderCell>
          </TableHead>
          <TableBody>
            {connections.byDatabase.map((row) => (
              <tr key={`${row.database}-${row.state}`}>
                <Cell className="break-all">{row.database}</Cell>
                <Cell>{row.state}</Cell>
                <Cell className="text-right tabular-nums">{formatCount(row.count)}</Cell>
              </tr>
            ))}
          </TableBody>
        </Table>
        {report.otherDatabases.map((other) => (
          <div key={other.database} className="flex flex-col gap-1 text-sm">
            <span className="font-medium text-slate-900">Database {other.database} (not a clinic)</span>
            <XidAge level={other.xidLevel} text={other.xidText} />
          </div>
        ))}
      </CardContent>
    </Card>
  );
}
