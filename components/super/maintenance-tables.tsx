import { Badge } from "@/components/ui/badge";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { Cell, HeaderCell, Table, TableBody, TableHead } from "@/components/ui/table";
import type { ClinicMaintenanceReport } from "@/lib/maintenance/clinic-report";
import { formatBytes, formatCount, formatDateTime } from "./format";
import { XidAge } from "./maintenance-xid";

const latest = (a: string | null, b: string | null) => (a && b ? (a > b ? a : b) : (a ?? b));

/** One clinic's largest tables: sizes, dead tuples, and when each was last vacuumed and analysed. */
export function MaintenanceTables({ report }: { report: ClinicMaintenanceReport }) {
  return (
    <Card>
      <CardHeader>
        <CardTitle as="h2">Clinic {report.subdomain}: largest tables</CardTitle>
        <CardDescription>
          {formatBytes(report.sizeBytes)} in {report.tableCount} tables; {formatCount(report.liveTuples)} live
          and {formatCount(report.deadTuples)} dead rows (PostgreSQL&apos;s estimates). Dead rows are space
          that vacuum reclaims. Measured {formatDateTime(report.measuredAt)}.
        </CardDescription>
      </CardHeader>
      <CardContent className="flex flex-col gap-4">
        <XidAge level={report.xidLevel} text={report.xidText} />
        <Table caption={`Largest tables of ${report.subdomain}`}>
          <TableHead>
            <HeaderCell>Table</HeaderCell>
            <HeaderCell className="text-right">Total</HeaderCell>
            <HeaderCell className="text-right">Data</HeaderCell>
            <HeaderCell className="text-right">Indexes</HeaderCell>
            <HeaderCell className="text-right">Live rows</HeaderCell>
            <HeaderCell className="text-right">Dead rows</HeaderCell>
            <HeaderCell>Last vacuum</HeaderCell>
            <HeaderCell>Last analyze</HeaderCell>
          </TableHead>
          <TableBody>
            {report.largestTables.map((table) => {
              const bloated = table.deadTuples > 1000 && table.deadTuples > table.liveTuples * 0.2;
              return (
                <tr key={table.name}>
                  <Cell className="font-medium">{table.name}</Cell>
                  <Cell className="text-right tabular-nums">{formatBytes(table.totalBytes)}</Cell>
                  <Cell className="text-right tabular-nums">{formatBytes(table.heapBytes)}</Cell>
                  <Cell className="text-right tabular-nums">{formatBytes(table.indexBytes)}</Cell>
                  <Cell className="text-right tabular-nums">{formatCount(table.liveTuples)}</Cell>
                  <Cell className="text-right tabular-nums">
                    {formatCount(table.deadTuples)}
                    {bloated ? (
                      <Badge tone="warning" className="ml-1">
                        Vacuum due
                      </Badge>
                    ) : null}
                  </Cell>
                  <Cell className="whitespace-nowrap">
                    {latest(table.lastVacuum, table.lastAutovacuum)
                      ? formatDateTime(latest(table.lastVacuum, table.lastAutovacuum))
                      : "Never"}
                  </Cell>
                  <Cell className="whitespace-nowrap">
                    {latest(table.lastAnalyze, table.lastAutoanalyze)
                      ? formatDateTime(latest(table.lastAnalyze, table.lastAutoanalyze))
                      : "Never"}
                  </Cell>
                </tr>
              );
            })}
          </TableBody>
        </Table>
      </CardContent>
    </Card>
  );
}
