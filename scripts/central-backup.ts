// npm run central:backup [-- --json]: an encrypted backup of the central database (the clinic registry, the encrypted role passwords).
import { parseArgs } from "node:util";
import { getBackupKeys } from "../lib/backups/backup-keys";
import { BackupService } from "../lib/backups/backup-service";
import { AppError } from "../lib/errors";
import { runScript } from "./lib/run-script";
import { withCentral } from "./lib/with-central";
import { backupJson, describeBackup, stepPrinter } from "./tenant-backup-output";

runScript(async () => {
  const { values } = parseArgs({ options: { json: { type: "boolean", default: false } } });
  getBackupKeys();
  return withCentral(async (central) => {
    try {
      const backup = await new BackupService({ central }).backupCentral({
        onStep: stepPrinter("central", values.json),
      });
      console.log(
        values.json ? JSON.stringify(backupJson(backup), null, 2) : describeBackup("central", backup),
      );
      return 0;
    } catch (error) {
      if (!(error instanceof AppError)) throw error;
      console.error(`error: ${error.message}`);
      return 1;
    }
  });
});
