// npm run server:check -- <server-name> [--json]: can this registered server take part in moves (wal_level,
// free replication slots, WAL senders, apply workers), its connections beside its clinics, what earlier
// moves left on it (replication slots, publications, subscriptions, logins) with no running job to remove it,
// and its point-in-time restore (archiving and its failures, the stanza, the recoverable window). Exit code 1
// when it is unreachable, a move left something behind, or archiving is on and failing.
import { parseArgs } from "node:util";
import type { ServerCheckReport, Usage } from "../lib/moves/server-check";
import { checkServerForMoves } from "../lib/moves/server-check";
import type { PitrStatus } from "../lib/pitr/pitr-status";
import type { ConnectionPlan } from "../lib/tenancy/connection-plan";
import { runScript, UsageError } from "./lib/run-script";
import { withCentral } from "./lib/with-central";

runScript(async () => {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: { json: { type: "boolean", default: false } },
  });
  const [name] = positionals;
  if (!name || positionals.length > 1)
    throw new UsageError("usage: npm run server:check -- <server-name> [--json]");
  return withCentral(async (central) => {
    const server = await central.databaseServer.findUnique({ where: { name } });
    if (!server) {
      const names = (await central.databaseServer.findMany({ select: { name: true } })).map(
        (row) => row.name,
      );
      console.error(
        `error: no database server named ${name} is registered (there are: ${names.join(", ")}).`,
      );
      return 1;
    }
    const report = await checkServerForMoves({ central, server });
    if (values.json) console.log(JSON.stringify(report, null, 2));
    else printReport(report);
    return report.reachable && report.orphans.length === 0 && !report.pitr?.archiveFailure ? 0 : 1;
  });
});

const usage = (value: Usage | null) => (value ? `${value.used} of ${value.max} in use` : "unknown");

function printReport(report: ServerCheckReport): void {
  console.log(`server ${report.server} (${report.host}:${report.port}, ${report.status})`);
  if (!report.reachable) {
    console.log(`  reachable: no (${report.error})`);
  } else {
    console.log(`  reachable: yes, PostgreSQL ${report.version}`);
    console.log(
      `  wal_level: ${report.walLevel} (${report.canBeMoveSource ? "clinics are moved away from it by replication" : "clinics are moved away from it by backup and restore"})`,
    );
    console.log(`  replication slots: ${usage(report.replicationSlots)}`);
    console.log(`  WAL senders: ${usage(report.walSenders)}`);
    console.log(`  logical replication workers: ${usage(report.logicalReplicationWorkers)}`);
    console.log(`  max_slot_wal_keep_size: ${report.maxSlotWalKeepSize}`);
    console.log(
      `  connections: ${usage(report.connections)}; clinics: ${report.clinics.hosted} of capacity ${report.clinics.capacity}`,
    );
    console.log(`  left by moves that are not running: ${report.orphans.length || "nothing"}`);
    if (report.pitr) printPitr(report.pitr);
  }
  if (report.connectionPlan) printConnectionPlan(report.connectionPlan);
  for (const line of report.advice) console.log(`  - ${line}`);
}

/** Each kind's worst case on the server (one process's, how many processes, in all), and the verdict. */
function printConnectionPlan(plan: ConnectionPlan): void {
  console.log("  connection plan (the most each kind may hold on this server at once):");
  console.log(
    `    ${"kind".padEnd(16)} ${"per process".padStart(11)} ${"processes".padStart(9)} ${"total".padStart(5)}`,
  );
  for (const row of plan.rows) {
    const numbers = `${String(row.perProcess).padStart(11)} ${String(row.processes).padStart(9)} ${String(row.total).padStart(5)}`;
    console.log(`    ${row.label.padEnd(16)} ${numbers}  ${row.detail}`);
  }
  const limits = plan.limits;
  const against = limits ? `, max_connections ${limits.maxConnections}, ${limits.inUse} in use now` : "";
  console.log(`    sum ${plan.total}${against}`);
  // A plan that does not fit is the first line of advice below.
  if (plan.fits !== false) console.log(`    ${plan.verdict}`);
}

const utc = (at: Date | string | null) =>
  at ? `${new Date(at).toISOString().slice(0, 19).replace("T", " ")} UTC` : "never";

function printPitr(pitr: PitrStatus): void {
  console.log("  point-in-time restore:");
  const archiver = pitr.archiver;
  if (archiver) {
    const command =
      archiver.archiveMode === "off" ? "" : `; archive_command: ${archiver.commandSet ? "set" : "empty"}`;
    console.log(`    archive_mode: ${archiver.archiveMode}${command}`);
    console.log(
      `    archived: ${archiver.archivedCount} segments, last ${archiver.lastArchivedWal ?? "none"} at ${utc(archiver.lastArchivedAt)}`,
    );
    console.log(
      `    failed: ${archiver.failedCount}${archiver.failedCount ? `, last ${archiver.lastFailedWal} at ${utc(archiver.lastFailedAt)}` : ""}`,
    );
  }
  if (!pitr.stanza) {
    console.log(`    stanza: none recorded, so not set up (${pitr.setupCommand}, on the server's machine)`);
    return;
  }
  console.log(`    stanza: ${pitr.stanza}`);
  if (pitr.window)
    console.log(
      `    recoverable window: from ${utc(pitr.window.from)} to ${pitr.windowReachesNow ? "now" : utc(pitr.window.to)}`,
    );
  else console.log(`    recoverable window: unknown (${pitr.windowProblem})`);
}
