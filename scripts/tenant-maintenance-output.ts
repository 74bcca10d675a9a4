import type { ClinicMaintenanceReport } from "../lib/maintenance/clinic-report";
import type { ServerMaintenanceReport } from "../lib/maintenance/server-report";
import { formatSize } from "./tenant-backup-output";

const size = (bytes: number | null) => (bytes === null ? "-" : formatSize(BigInt(bytes)));
const count = (value: number) => value.toLocaleString("en-US");
const day = (iso: string | null) => (iso ? iso.slice(0, 16).replace("T", " ") : "never");
const latest = (a: string | null, b: string | null) => (a && b ? (a > b ? a : b) : (a ?? b));

/** A clinic's report as lines for the terminal. */
export function clinicReportLines(report: ClinicMaintenanceReport): string[] {
  const lines = [
    `${report.subdomain} (server ${report.serverName}): ${size(report.sizeBytes)}, ${report.tableCount} tables, ${count(report.liveTuples)} live and ${count(report.deadTuples)} dead tuples`,
    `transaction-ID age [${report.xidLevel}]: ${report.xidText}`,
    "largest tables (total / heap / indexes, live / dead tuples, last vacuum, last analyze; autovacuum's included):",
  ];
  for (const table of report.largestTables) {
    lines.push(
      `  ${table.name}: ${size(table.totalBytes)} / ${size(table.heapBytes)} / ${size(table.indexBytes)}, ` +
        `${count(table.liveTuples)} / ${count(table.deadTuples)}, ` +
        `${day(latest(table.lastVacuum, table.lastAutovacuum))}, ${day(latest(table.lastAnalyze, table.lastAutoanalyze))}`,
    );
  }
  return lines;
}

/** A server's report as lines for the terminal. */
export function serverReportLines(report: ServerMaintenanceReport): string[] {
  const { autovacuum, connections } = report;
  const lines = [
    `server ${report.serverName}: autovacuum ${autovacuum.busy} of ${autovacuum.max} workers busy; ${connections.total} of ${connections.max} connections`,
  ];
  for (const worker of autovacuum.working) lines.push(`  ${worker.database ?? "-"}: ${worker.what}`);
  lines.push("connections by database and state:");
  for (const row of connections.byDatabase) lines.push(`  ${row.database} ${row.state}: ${row.count}`);
  lines.push(
    `queries or open transactions longer than ${report.longQuerySeconds} s: ${report.longQueries.length}`,
  );
  for (const query of report.longQueries) {
    const whose = query.clinic ? `clinic ${query.clinic}` : (query.database ?? "-");
    const own = query.platform ? " [platform]" : "";
    lines.push(`  pid ${query.pid} ${whose}${own} ${query.seconds} s ${query.state}: ${query.query}`);
  }
  lines.push(`clinics (${report.clinics.length}):`);
  for (const clinic of report.clinics) {
    lines.push(
      `  ${clinic.subdomain}: ${size(clinic.sizeBytes)}, [${clinic.xidLevel ?? "unknown"}] ${clinic.xidText ?? ""}`,
    );
  }
  for (const other of report.otherDatabases) {
    lines.push(`other database ${other.database} [${other.xidLevel}]: ${other.xidText}`);
  }
  return lines;
}
