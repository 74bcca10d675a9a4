// npm run tenant:restore -- <subdomain> [--backup <id>] [--yes] [--json]: replaces the clinic's data with a backup
// (its newest finished one without --backup); the replaced database is kept for RESTORE_KEEP_HOURS.
import { createInterface } from "node:readline/promises";
import { parseArgs } from "node:util";
import { getBackupKeys } from "../lib/backups/backup-keys";
import { BackupService } from "../lib/backups/backup-service";
import { AppError } from "../lib/errors";
import { runScript, UsageError } from "./lib/run-script";
import { withCentral } from "./lib/with-central";
import { backupJson, stepPrinter } from "./tenant-backup-output";

runScript(async () => {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: {
      backup: { type: "string" },
      yes: { type: "boolean", default: false },
      json: { type: "boolean", default: false },
    },
  });
  const [subdomain] = positionals;
  if (!subdomain || positionals.length > 1) {
    throw new UsageError("usage: npm run tenant:restore -- <subdomain> [--backup <id>] [--yes] [--json]");
  }
  getBackupKeys();
  if (!values.yes && !(await confirm(subdomain))) {
    console.error("error: not restored (confirm with --yes, or answer yes).");
    return 1;
  }
  return withCentral(async (central) => {
    try {
      const outcome = await new BackupService({ central }).restoreClinic(subdomain, {
        backupId: values.backup,
        onStep: stepPrinter(subdomain, values.json),
      });
      if (values.json) {
        console.log(JSON.stringify({ subdomain, ...outcome, backup: backupJson(outcome.backup) }, null, 2));
      } else {
        console.log(
          `${subdomain}: restored from backup ${outcome.backup.id} (taken ${outcome.backup.startedAt.toISOString()}), verified against its manifest; connections paused ${Math.round(outcome.suspendedMs)} ms`,
        );
        console.log(
          `The database it replaced is kept as ${outcome.asideDatabase} for RESTORE_KEEP_HOURS (default 24).`,
        );
      }
      return 0;
    } catch (error) {
      if (!(error instanceof AppError)) throw error;
      console.error(`error: ${error.message}`);
      return 1;
    }
  });
});

async function confirm(subdomain: string): Promise<boolean> {
  if (!process.stdin.isTTY) return false;
  const prompt = createInterface({ input: process.stdin, output: process.stderr });
  try {
    const answer = await prompt.question(
      `Replace every record of ${subdomain} with the backup's? Changes since the backup are set aside, not kept live. Type yes: `,
    );
    return answer.trim().toLowerCase() === "yes";
  } finally {
    prompt.close();
  }
}
