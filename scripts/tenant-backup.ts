// npm run tenant:backup -- <subdomain> | --all [--json]: an encrypted backup of one clinic, or of every active or suspended one.
import { parseArgs } from "node:util";
import { getBackupKeys } from "../lib/backups/backup-keys";
import { BackupService } from "../lib/backups/backup-service";
import { AppError } from "../lib/errors";
import { auditCommand } from "./lib/command-audit";
import { runScript, UsageError } from "./lib/run-script";
import { withCentral } from "./lib/with-central";
import { backupJson, describeBackup, stepPrinter } from "./tenant-backup-output";

runScript(async () => {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: { all: { type: "boolean", default: false }, json: { type: "boolean", default: false } },
  });
  if (values.all === (positionals.length === 1) || positionals.length > 1) {
    throw new UsageError("usage: npm run tenant:backup -- <subdomain> | --all [--json]");
  }
  getBackupKeys(); // refuse before touching anything when BACKUP_KEY is missing
  return withCentral(async (central) => {
    const service = new BackupService({ central });
    const subdomains = values.all
      ? (
          await central.clinic.findMany({
            where: { status: { in: ["ACTIVE", "SUSPENDED"] } },
            orderBy: { subdomain: "asc" },
            select: { subdomain: true },
          })
        ).map((clinic) => clinic.subdomain)
      : positionals;
    const results = [];
    let failed = 0;
    for (const subdomain of subdomains) {
      try {
        await auditCommand(central, { action: "backup.clinic", subdomain });
        const backup = await service.backupClinic(subdomain, { onStep: stepPrinter(subdomain, values.json) });
        results.push({ subdomain, ...backupJson(backup) });
        if (!values.json) console.log(describeBackup(subdomain, backup));
      } catch (error) {
        if (!(error instanceof AppError)) throw error;
        failed += 1;
        results.push({ subdomain, status: "FAILED", error: error.message });
        console.error(`error: ${subdomain}: ${error.message}`);
      }
    }
    if (values.json) console.log(JSON.stringify(values.all ? results : results[0], null, 2));
    else if (values.all)
      console.log(`${subdomains.length} clinics: ${subdomains.length - failed} backed up, ${failed} failed`);
    return failed ? 1 : 0;
  });
});
