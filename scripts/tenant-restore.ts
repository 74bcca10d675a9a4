// npm run tenant:restore -- <subdomain> [--backup <id>] [--into <new-subdomain> [--name <name>]] [--yes] [--json]
// npm run tenant:restore -- <subdomain> --at "<time with offset>" [--yes] [--json]
//   With --at: the clinic's data as it was at that moment, from its server's pgBackRest WAL archive
//   (npm run pitr:setup); refused with the recoverable window when the moment is outside it.
//   Without --into: replaces the clinic's data with a backup; the replaced database is kept for RESTORE_KEEP_HOURS.
//   With --into: restores the backup into a NEW clinic at <new-subdomain> (same owner, "<name> (copy)" unless
//   --name), a copy for training or investigation; the source clinic is not touched.
//   Without --backup, both use the clinic's newest VERIFIED backup (one a restore drill or a restore proved),
//   and stop when it has none.
import { createInterface } from "node:readline/promises";
import { parseArgs } from "node:util";
import { getBackupKeys } from "../lib/backups/backup-keys";
import { BackupService } from "../lib/backups/backup-service";
import { formatPause } from "../lib/backups/format-pause";
import type { CentralDb } from "../lib/db/central";
import { restoreClinicToTime, restoreTimeSchema } from "../lib/pitr/pitr-service";
import { auditCommand } from "./lib/command-audit";
import { runScript, UsageError } from "./lib/run-script";
import { withCentral } from "./lib/with-central";
import { backupJson, stepPrinter } from "./tenant-backup-output";

const USAGE =
  "usage: npm run tenant:restore -- <subdomain> [--backup <id>] [--into <new-subdomain> [--name <name>]] [--yes] [--json]\n" +
  '       npm run tenant:restore -- <subdomain> --at "2026-11-30 14:05:00+01:00" [--yes] [--json]';

type Options = {
  subdomain: string;
  backup?: string;
  into?: string;
  name?: string;
  at?: string;
  json: boolean;
};

runScript(async () => {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: {
      backup: { type: "string" },
      into: { type: "string" },
      name: { type: "string" },
      at: { type: "string" },
      yes: { type: "boolean", default: false },
      json: { type: "boolean", default: false },
    },
  });
  const [subdomain] = positionals;
  const atWithOthers = values.at !== undefined && (values.backup !== undefined || values.into !== undefined);
  if (!subdomain || positionals.length > 1 || (values.name !== undefined && !values.into) || atWithOthers) {
    throw new UsageError(USAGE);
  }
  const options: Options = { subdomain, ...values };
  const at = values.at === undefined ? undefined : parseRestoreTime(values.at);
  if (!at) getBackupKeys();
  if (!values.yes && !(await confirm(options))) {
    console.error("error: not restored (confirm with --yes, or answer yes).");
    return 1;
  }
  return withCentral(async (central) => {
    if (at) await restoreToTime(central, options, at);
    else
      await (options.into ? restoreInto(central, options, options.into) : restoreInPlace(central, options));
    return 0;
  });
});

async function restoreInPlace(central: CentralDb, options: Options): Promise<void> {
  const { subdomain } = options;
  await auditCommand(central, {
    action: "backup.restore",
    subdomain,
    details: { backup: options.backup ?? "newest verified" },
  });
  const outcome = await new BackupService({ central }).restoreClinic(subdomain, {
    backupId: options.backup,
    onStep: stepPrinter(subdomain, options.json),
  });
  if (options.json) {
    console.log(JSON.stringify({ subdomain, ...outcome, backup: backupJson(outcome.backup) }, null, 2));
    return;
  }
  console.log(
    `${subdomain}: restored from backup ${outcome.backup.id} (taken ${outcome.backup.startedAt.toISOString()}), verified against its manifest; connections paused ${formatPause(outcome.suspendedMs)}`,
  );
  console.log(
    `The database it replaced is kept as ${outcome.asideDatabase} for RESTORE_KEEP_HOURS (default 24).`,
  );
}

async function restoreInto(central: CentralDb, options: Options, into: string): Promise<void> {
  await auditCommand(central, {
    action: "backup.restore-into",
    subdomain: options.subdomain,
    details: { into, backup: options.backup ?? "newest verified" },
  });
  const { clinic, backup } = await new BackupService({ central }).restoreIntoClinic(options.subdomain, {
    backupId: options.backup,
    into,
    name: options.name,
    onStep: stepPrinter(into, options.json),
  });
  if (options.json) {
    const copy = { id: clinic.id, name: clinic.name, subdomain: clinic.subdomain, status: clinic.status };
    console.log(
      JSON.stringify({ subdomain: options.subdomain, into: copy, backup: backupJson(backup) }, null, 2),
    );
    return;
  }
  console.log(
    `${into}: new clinic “${clinic.name}” restored from ${options.subdomain}'s backup ${backup.id} (taken ${backup.startedAt.toISOString()}), verified against its manifest; ${options.subdomain} was not touched.`,
  );
}

async function restoreToTime(central: CentralDb, options: Options, at: Date): Promise<void> {
  const { subdomain } = options;
  await auditCommand(central, {
    action: "backup.restore-to-moment",
    subdomain,
    details: { at: at.toISOString() },
  });
  const outcome = await restoreClinicToTime({
    central,
    request: { subdomain, at },
    onPitrStep: stepPrinter(subdomain, options.json),
  });
  const window = { from: outcome.window.from.toISOString(), to: outcome.window.to.toISOString() };
  if (options.json) {
    const { jobId, suspendedMs, asideDatabase } = outcome;
    console.log(
      JSON.stringify({ subdomain, at: at.toISOString(), window, jobId, suspendedMs, asideDatabase }, null, 2),
    );
    return;
  }
  console.log(
    `${subdomain}: restored to ${at.toISOString()} (recoverable window ${window.from} to ${window.to}), verified against the recovered copy; connections paused ${formatPause(outcome.suspendedMs)}`,
  );
  console.log(
    `The database it replaced is kept as ${outcome.asideDatabase} for RESTORE_KEEP_HOURS (default 24).`,
  );
}

function parseRestoreTime(text: string): Date {
  const parsed = restoreTimeSchema.safeParse(text);
  if (!parsed.success) throw new UsageError(`${parsed.error.issues[0]?.message ?? "Bad --at."}\n${USAGE}`);
  return parsed.data;
}

async function confirm(options: Options): Promise<boolean> {
  if (!process.stdin.isTTY) return false;
  const question = options.at
    ? `Replace every record of ${options.subdomain} with its state at ${options.at}? Changes since then are set aside, not kept live. Type yes: `
    : options.into
      ? `Create the new clinic ${options.into} from a backup of ${options.subdomain}? It holds a copy of every patient record. Type yes: `
      : `Replace every record of ${options.subdomain} with the backup's? Changes since the backup are set aside, not kept live. Type yes: `;
  const prompt = createInterface({ input: process.stdin, output: process.stderr });
  try {
    return (await prompt.question(question)).trim().toLowerCase() === "yes";
  } finally {
    prompt.close();
  }
}
