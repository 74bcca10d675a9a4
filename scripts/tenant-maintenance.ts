// npm run tenant:maintenance -- <subdomain> | --server <name> [--vacuum | --reindex] [--seconds N] [--json]
import { parseArgs } from "node:util";
import { findClinicMaintenance } from "../lib/maintenance/clinic-report";
import type { MaintenanceOperation } from "../lib/maintenance/maintenance-jobs";
import { runClinicMaintenance } from "../lib/maintenance/maintenance-service";
import {
  DEFAULT_LONG_QUERY_SECONDS,
  findServerByName,
  findServerMaintenance,
} from "../lib/maintenance/server-report";
import { auditCommand } from "./lib/command-audit";
import { runScript, UsageError } from "./lib/run-script";
import { withCentral } from "./lib/with-central";
import { clinicReportLines, serverReportLines } from "./tenant-maintenance-output";

const USAGE =
  "usage: npm run tenant:maintenance -- <subdomain> | --server <name> [--vacuum | --reindex] [--seconds N] [--json]";

runScript(async () => {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: {
      server: { type: "string" },
      vacuum: { type: "boolean", default: false },
      reindex: { type: "boolean", default: false },
      seconds: { type: "string", default: String(DEFAULT_LONG_QUERY_SECONDS) },
      json: { type: "boolean", default: false },
    },
  });
  const byServer = values.server !== undefined;
  if (
    byServer === (positionals.length === 1) ||
    positionals.length > 1 ||
    (values.vacuum && values.reindex)
  ) {
    throw new UsageError(USAGE);
  }
  const seconds = Number(values.seconds);
  if (!Number.isInteger(seconds) || seconds < 0 || seconds > 86_400) {
    throw new UsageError("--seconds must be a whole number of seconds from 0 to 86400.");
  }
  const operation: MaintenanceOperation | null = values.vacuum ? "vacuum" : values.reindex ? "reindex" : null;
  const print = (lines: string[]) => {
    if (!values.json) console.log(lines.join("\n"));
  };

  return withCentral(async (central) => {
    const output: Record<string, unknown> = {};
    let subdomains = positionals;
    if (byServer) {
      const server = await findServerByName(central, values.server);
      const report = await findServerMaintenance({ central, server, longQuerySeconds: seconds });
      output.server = report;
      print(serverReportLines(report));
      subdomains = report.clinics.map((clinic) => clinic.subdomain);
    } else {
      const report = await findClinicMaintenance({ central, subdomain: positionals[0] });
      output.clinic = report;
      print(clinicReportLines(report));
    }
    if (operation) {
      const jobs = [];
      for (const subdomain of subdomains) {
        await auditCommand(central, { action: `maintenance.${operation}-requested`, subdomain });
        const job = await runClinicMaintenance({
          central,
          subdomain,
          operation,
          // Progress on stderr, so stdout stays clean for --json.
          onStep: (step) => console.error(`${subdomain}: ${operation} ${step}`),
        });
        jobs.push({ subdomain, jobId: job.id, state: job.state });
        if (!values.json) console.log(`${subdomain}: ${operation} done (job ${job.id})`);
      }
      output.jobs = jobs;
    }
    if (values.json) console.log(JSON.stringify(output, null, 2));
    return 0;
  });
});
