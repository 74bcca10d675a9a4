// npm run central:restore -- [--backup <file-or-id>] [--into <database>] [--force-disconnect] [--unverified] --yes [--json]
// Restores the central database from BACKUP_DIR/_central without reading it (it may be lost). Stop the app first.
import path from "node:path";
import { createInterface } from "node:readline/promises";
import { parseArgs } from "node:util";
import { getBackupKeys } from "../lib/backups/backup-keys";
import { backupDirs } from "../lib/backups/backup-store";
import { type CentralBackupFile, pickCentralBackupFile } from "../lib/backups/central-backup-files";
import { type CentralRestoreOutcome, restoreCentralDatabase } from "../lib/backups/central-restore";
import { databaseNameOf } from "../lib/db/database-url";
import { connectPlatformDatabase } from "../lib/db/platform";
import { AppError } from "../lib/errors";
import { getSecretsKey } from "../lib/tenancy/secrets";
import { runScript } from "./lib/run-script";

const HELP = `usage: npm run central:restore -- [--backup <file-or-id>] [--into <database>] [--force-disconnect] [--unverified] --yes [--json]

Restores the central database (clinic registry, users, encrypted role passwords) from a file in
BACKUP_DIR/_central (the newest without --backup). It does not need the central database: the
backup's .manifest file beside it says its SHA-256 and rows, and the restored copy is compared with them.

Needs: DATABASE_URL (as the app uses it), BACKUP_KEY (the key the backup was written with), BACKUP_DIR,
and TENANT_SECRETS_KEY as the platform ran with it: the restored clinic and server passwords are
decrypted with it before anything is swapped.

Without --into, STOP THE APP FIRST (npm start, npm run worker, on every machine): the restored copy
replaces the central database under its name, and the old one is kept as
<name>_before_restore_<time> (roll back by renaming). It refuses while other sessions are connected
to the central database unless --force-disconnect. With --into <database>, the copy is left under
that name for inspection and nothing else changes (the app may keep running).
  --unverified   restore a backup that has no .manifest file (rows not compared)`;

runScript(async () => {
  const { values } = parseArgs({
    options: {
      backup: { type: "string" },
      into: { type: "string" },
      "force-disconnect": { type: "boolean", default: false },
      unverified: { type: "boolean", default: false },
      yes: { type: "boolean", default: false },
      json: { type: "boolean", default: false },
      help: { type: "boolean", default: false },
    },
  });
  if (values.help) {
    console.log(HELP);
    return 0;
  }
  const keys = getBackupKeys();
  const secretsKey = getSecretsKey();
  const { dir } = backupDirs();
  const platform = await connectPlatformDatabase({});
  try {
    const backup = await pickCentralBackupFile(dir, values.backup);
    const central = databaseNameOf(platform.centralUrl);
    if (!values.yes && !(await confirm(backup, central, values.into))) {
      console.error("error: not restored (confirm with --yes, or answer yes).");
      return 1;
    }
    const outcome = await restoreCentralDatabase({
      centralUrl: platform.centralUrl,
      backup,
      keys,
      secretsKey,
      workDir: path.join(dir, ".restore"),
      into: values.into,
      forceDisconnect: values["force-disconnect"],
      unverified: values.unverified,
      onStep: values.json ? undefined : (step) => console.error(`central: ${step}…`),
    });
    console.log(values.json ? JSON.stringify(outcome, null, 2) : describeOutcome(outcome, values.into));
    return 0;
  } catch (error) {
    if (!(error instanceof AppError)) throw error;
    console.error(`error: ${error.message}`);
    return 1;
  } finally {
    await platform.embedded?.stop();
  }
});

function describeOutcome(outcome: CentralRestoreOutcome, into: string | undefined): string {
  const lines = [
    `central: restored backup ${outcome.backupId} (taken ${outcome.takenAt}) into ${outcome.database}; ${
      outcome.verified ? "its rows match the backup's manifest" : "rows NOT compared (--unverified)"
    }; ${outcome.secretsChecked} stored password(s) decrypt with TENANT_SECRETS_KEY.`,
  ];
  if (outcome.asideDatabase) {
    lines.push(
      `The central database it replaced is kept as ${outcome.asideDatabase} (connections refused for ${Math.round(outcome.suspendedMs ?? 0)} ms). Drop it yourself once the app runs well.`,
    );
  }
  lines.push(
    into
      ? `Inspect it with psql (the app still uses its own central database); drop ${into} when done.`
      : "Next: start the app (npm start), sign in to /super, and run npm run tenant:doctor.",
  );
  return lines.join("\n");
}

async function confirm(
  backup: CentralBackupFile,
  central: string,
  into: string | undefined,
): Promise<boolean> {
  if (!process.stdin.isTTY) return false;
  const prompt = createInterface({ input: process.stdin, output: process.stderr });
  const what = into
    ? `Restore the central backup of ${backup.takenAt.toISOString()} into a new database ${into}?`
    : `Replace the central database ${central} with its backup of ${backup.takenAt.toISOString()}? The app must be stopped (npm start, workers); the current one is kept aside.`;
  try {
    return (await prompt.question(`${what} Type yes: `)).trim().toLowerCase() === "yes";
  } finally {
    prompt.close();
  }
}
