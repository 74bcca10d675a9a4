// npm run tenant:backups -- <subdomain> | --central [--json]: a clinic's backups (or the central database's), newest first.
import { parseArgs } from "node:util";
import { BackupService } from "../lib/backups/backup-service";
import { runScript, UsageError } from "./lib/run-script";
import { withCentral } from "./lib/with-central";
import { backupJson, formatSize } from "./tenant-backup-output";

runScript(async () => {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: { central: { type: "boolean", default: false }, json: { type: "boolean", default: false } },
  });
  if (values.central === (positionals.length === 1) || positionals.length > 1) {
    throw new UsageError("usage: npm run tenant:backups -- <subdomain> | --central [--json]");
  }
  return withCentral(async (central) => {
    const backups = await new BackupService({ central }).listBackups(
      values.central ? null : (positionals[0] ?? ""),
    );
    if (values.json) console.log(JSON.stringify(backups.map(backupJson), null, 2));
    else if (backups.length === 0)
      console.log("No backups yet. Take one: npm run tenant:backup -- <subdomain>");
    else
      console.table(
        backups.map((backup) => ({
          id: backup.id,
          started: backup.startedAt.toISOString(),
          kind: backup.kind,
          status: backup.status,
          size: formatSize(backup.sizeBytes),
          schema: backup.schemaVersion ?? "-",
          verified: backup.verifiedAt?.toISOString() ?? "-",
          error: backup.error ?? "",
        })),
      );
    return 0;
  });
});
