// npm run tenant:update-schema [-- --only a,b --failed --canary N --concurrency N --backup-first --dry-run --verify --json]
import { parseArgs } from "node:util";
import { type CentralDb, createCentralClient } from "../lib/db/central";
import { connectPlatformDatabase } from "../lib/db/platform";
import { AppError } from "../lib/errors";
import {
  DEFAULT_FLEET_CONCURRENCY,
  type FleetEvent,
  type FleetSummary,
  MAX_FLEET_CONCURRENCY,
  runFleetUpdate,
} from "../lib/tenancy/fleet";
import { runRolloutHere } from "../lib/tenancy/fleet-job";
import { applyCentralMigrations } from "../lib/tenancy/fleet-setup";
import { parseSubdomain } from "../lib/validations/subdomain";
import { createFleetProgress, formatSummary } from "./lib/progress";
import { runScript, UsageError } from "./lib/run-script";

const USAGE = `usage: npm run tenant:update-schema -- [options]

Applies pending migrations: the central database first, then each server's template database,
then every ACTIVE or SUSPENDED clinic's database. Clinics recorded at the newest migration are
not connected to (a rerun continues where the last one stopped).

  --only a,b         only these clinics (subdomains)
  --failed           only clinics whose last attempt failed
  --canary N         update N clinics first; stop if any of them fails
  --concurrency N    clinics at a time, 1-${MAX_FLEET_CONCURRENCY} (default ${DEFAULT_FLEET_CONCURRENCY})
  --backup-first     back up each clinic (kept as BEFORE_ROLLOUT) before migrating it;
                     a clinic whose backup fails is not migrated (it fails, the rest go on)
  --dry-run          show what each clinic would get; change nothing
  --verify           connect to every clinic, even those recorded as up to date
  --json             print only a JSON summary on stdout
  --help             this text

Exit code 1 when any clinic failed or the central migrations failed.`;

function parseFlags(args: string[]) {
  const { values } = parseArgs({
    args,
    strict: true,
    options: {
      only: { type: "string" },
      failed: { type: "boolean" },
      canary: { type: "string" },
      concurrency: { type: "string" },
      "dry-run": { type: "boolean" },
      verify: { type: "boolean" },
      "backup-first": { type: "boolean" },
      json: { type: "boolean" },
      help: { type: "boolean" },
    },
  });
  return {
    help: values.help ?? false,
    json: values.json ?? false,
    only: values.only === undefined ? undefined : parseOnly(values.only),
    failedOnly: values.failed ?? false,
    canary: values.canary === undefined ? undefined : parseCount("--canary", values.canary, 1, Infinity),
    concurrency:
      values.concurrency === undefined
        ? DEFAULT_FLEET_CONCURRENCY
        : parseCount("--concurrency", values.concurrency, 1, MAX_FLEET_CONCURRENCY),
    dryRun: values["dry-run"] ?? false,
    verify: values.verify ?? false,
    backupFirst: values["backup-first"] ?? false,
  };
}

function parseCount(flag: string, raw: string, min: number, max: number): number {
  const value = /^\d+$/.test(raw) ? Number(raw) : Number.NaN;
  if (value >= min && value <= max) return value;
  const range = max === Infinity ? `at least ${min}` : `from ${min} to ${max}`;
  throw new UsageError(`${flag} must be a whole number ${range}, not "${raw}". See --help.`);
}

function parseOnly(raw: string): string[] {
  const names = raw
    .split(",")
    .map((name) => name.trim())
    .filter(Boolean);
  if (names.length === 0)
    throw new UsageError("--only needs a comma-separated list of subdomains, e.g. --only acme,beta");
  for (const name of names) {
    const parsed = parseSubdomain(name);
    if (!parsed.ok) throw new UsageError(`--only: "${name}" is not a valid subdomain: ${parsed.message}`);
  }
  return [...new Set(names)];
}

runScript(async () => {
  const flags = parseFlags(process.argv.slice(2));
  if (flags.help) {
    console.log(USAGE);
    return 0;
  }
  const platform = await connectPlatformDatabase({});
  // One connection per clinic under way records its result, plus one for the run itself.
  const central = createCentralClient(platform.centralUrl, Math.min(flags.concurrency + 1, 10));
  const progress = flags.json
    ? undefined
    : createFleetProgress({
        write: (text) => process.stdout.write(text),
        tty: process.stdout.isTTY === true,
        columns: process.stdout.columns,
      });
  try {
    const summary = flags.dryRun
      ? await runFleetUpdate({
          ...flags,
          central,
          centralUrl: platform.centralUrl,
          env: process.env,
          onEvent: progress?.onEvent,
        })
      : await runRolloutJob(central, platform.centralUrl, flags, progress?.onEvent);
    progress?.close();
    process.stdout.write(flags.json ? `${JSON.stringify(summary, null, 2)}\n` : formatSummary(summary));
    return summary.failed > 0 || summary.stopped ? 1 : 0;
  } catch (error) {
    // Refusals from the fleet (an unknown clinic in --only) are the operator's to fix: one line.
    if (error instanceof AppError) throw new UsageError(error.message);
    throw error;
  } finally {
    progress?.close();
    await central.$disconnect();
    await platform.embedded?.stop();
  }
});

/**
 * A rollout is a job, run here with its progress printed: if this process is killed, a worker (or
 * the next run of this command) takes the job up again where it stopped.
 */
async function runRolloutJob(
  central: CentralDb,
  centralUrl: string,
  flags: ReturnType<typeof parseFlags>,
  onEvent: ((event: FleetEvent) => void) | undefined,
): Promise<FleetSummary> {
  // The jobs table is in the central database: its migrations come before the job.
  await applyCentralMigrations({ central, centralUrl, env: process.env });
  const { concurrency, canary, verify, only, failedOnly, backupFirst } = flags;
  const summary = await runRolloutHere({
    central,
    env: process.env,
    payload: { concurrency, canary, verify, only, failedOnly, backupFirst },
    onEvent,
    onJob: (job, alreadyQueued) => {
      if (!alreadyQueued) return;
      console.log(
        `A rollout is already queued or running (job ${job.id}); waiting for it, taking it up if its process died.`,
      );
    },
  });
  if (summary) return summary;
  throw new UsageError("The rollout was finished by another process; see /super → Fleet for its results.");
}
