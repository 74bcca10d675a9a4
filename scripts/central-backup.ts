// npm run central:backup [-- --json]: an encrypted backup of the central database (the clinic registry, the encrypted role passwords).
import { parseArgs } from "node:util";
import { getBackupKeys } from "../lib/backups/backup-keys";
import { BackupService } from "../lib/backups/backup-service";
import { auditCommand } from "./lib/command-audit";
import { runScript } from "./lib/run-script";
import { withCentral } from "./lib/with-central";
import { backupJson, describeBackup, stepPrinter } from "./tenant-backup-output";

runScript(async () => {
  const { values } = parseArgs({ options: { json: { type: "boolean", default: false } } });
  getBackupKeys();
  return withCentral(async (central) => {
    await auditCommand(central, { action: "backup.central" });
    const backup = await new BackupService({ central }).backupCentral({
      onStep: stepPrinter("central", values.json),
    });
    console.log(
      values.json ? JSON.stringify(backupJson(backup), null, 2) : describeBackup("central", backup),
    );
    return 0;
  });
});
