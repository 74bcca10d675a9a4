import type { Actor } from "../auth/actor";
import { SCHEMA_LOCATIONS, type SchemaLocation } from "../db/migrations";
import { AppError } from "../errors";
import { latestMigrationName } from "./clinic-schema";
import {
  type ClinicOutcome,
  describeError,
  type FleetClinic,
  findPendingMigrations,
  updateClinic,
} from "./fleet-clinic";
import { withFleetLock } from "./fleet-lock";
import { runPool } from "./fleet-pool";
import { finishFleetRun, recordClinicOutcome, startFleetRun } from "./fleet-records";
import {
  applyCentralMigrations,
  type FleetSetupOptions,
  type FleetTemplateResult,
  findPendingCentralMigrations,
  selectClinics,
  updateTemplates,
} from "./fleet-setup";

// 8 beat 4 in every full 200-clinic run on the 2-core machine (bench/RESULTS.md): a clinic's
// migration mostly waits on PostgreSQL.
export const DEFAULT_FLEET_CONCURRENCY = 8;
export const MAX_FLEET_CONCURRENCY = 32;

export type FleetOptions = FleetSetupOptions & {
  /** The tenant schema and migrations (tests pass a copy). */
  schema?: SchemaLocation;
  concurrency?: number;
  /** Update this many clinics first, and stop if any of them fails. */
  canary?: number;
  /** Report what each clinic would get; change nothing. */
  dryRun?: boolean;
  /** Connect to every clinic, even the ones recorded as up to date. */
  verify?: boolean;
  onEvent?: (event: FleetEvent) => void;
  /** Who started the run from the dashboard: audited with the run's creation (CLI runs have no actor). */
  startedBy?: Actor;
  /**
   * Takes the clinic's lock (one operation at a time per clinic) and returns its release; throws
   * when another operation keeps it too long. The rollout job passes its own; direct callers none.
   */
  lockClinic?: (clinicId: string) => Promise<() => Promise<void>>;
  /** Throws to stop between clinics (the worker is stopping, or the job was taken over). */
  checkpoint?: () => void;
  /**
   * Runs before a clinic with pending migrations is migrated (`--backup-first`: a BEFORE_ROLLOUT
   * backup); when it throws, the clinic is not migrated and fails with the reason.
   */
  beforeClinic?: (clinic: FleetClinic) => Promise<void>;
};

export type FleetClinicStatus = "updated" | "up-to-date" | "failed" | "skipped" | "would-apply";

export type FleetClinicResult = {
  subdomain: string;
  status: FleetClinicStatus;
  /** Migrations applied (or, in a dry run, that would be). */
  applied: string[];
  error?: string;
  /** A migration that had failed on this clinic before and was run again. */
  retried?: string;
  /** False when its database was not looked at: up to date by its central record alone, or not reached. */
  checked: boolean;
  durationMs: number;
};

export type FleetSummary = {
  /** The FleetRun row; null in a dry run. */
  runId: string | null;
  /** The newest tenant migration: the version every clinic should reach. */
  target: string;
  dryRun: boolean;
  central: { applied: string[]; pending: string[] };
  templates: FleetTemplateResult[];
  results: FleetClinicResult[];
  failed: number;
  stopped?: "canary";
  durationMs: number;
};

export type FleetEvent =
  | { type: "central"; applied: string[]; pending: string[] }
  | { type: "template"; template: FleetTemplateResult }
  | { type: "start"; runId: string | null; target: string; total: number; upToDate: number; dryRun: boolean }
  | { type: "clinic-start"; subdomain: string }
  | { type: "clinic-done"; result: FleetClinicResult; done: number; total: number; failed: number }
  | { type: "stopped"; reason: "canary"; skipped: number };

/**
 * `npm run tenant:update-schema`: central migrations (a failure stops everything), then each
 * server's template database, then every clinic database, a few at a time, past failures. Each
 * clinic's outcome is saved as it lands; a clinic recorded at the target is not connected to
 * (unless `verify`), so a rerun resumes where the last one stopped and costs nearly nothing.
 */
export async function runFleetUpdate(options: FleetOptions): Promise<FleetSummary> {
  if (options.dryRun) return runFleetUpdateLocked(options);
  return withFleetLock(options.central, options.centralUrl, () => runFleetUpdateLocked(options));
}

async function runFleetUpdateLocked(options: FleetOptions): Promise<FleetSummary> {
  const startedAt = performance.now();
  const schema = options.schema ?? SCHEMA_LOCATIONS.tenant;
  const concurrency = checkConcurrency(options.concurrency ?? DEFAULT_FLEET_CONCURRENCY);
  if (options.canary !== undefined && !(Number.isInteger(options.canary) && options.canary >= 1)) {
    throw new AppError("INVALID", "The canary count must be a whole number of at least 1.");
  }
  const emit = options.onEvent ?? (() => {});
  const dryRun = options.dryRun ?? false;

  const central = dryRun
    ? await findPendingCentralMigrations(options)
    : await applyCentralMigrations(options);
  emit({ type: "central", ...central });
  const target = await latestMigrationName(schema);
  const clinics = await selectClinics(options);
  const templates = dryRun
    ? []
    : await updateTemplates(options, schema, (template) => emit({ type: "template", template }));

  const needsWork = (clinic: FleetClinic) =>
    dryRun || options.verify || clinic.schemaVersion !== target || clinic.lastMigrationError !== null;
  const pending = clinics.filter(needsWork);
  const current = clinics.filter((clinic) => !needsWork(clinic));
  const results = current.map((clinic) => unchecked(clinic.subdomain, "up-to-date"));
  const runId = dryRun
    ? null
    : await startFleetRun(
        options.central,
        {
          target,
          options: {
            only: options.only ?? null,
            failedOnly: options.failedOnly ?? false,
            canary: options.canary ?? null,
            concurrency,
            verify: options.verify ?? false,
          },
          pending: pending.map((clinic) => clinic.id),
          upToDate: current.map((clinic) => clinic.id),
        },
        options.startedBy,
      );
  emit({ type: "start", runId, target, total: clinics.length, upToDate: results.length, dryRun });

  const countFailed = () => results.filter((result) => result.status === "failed").length;
  const processClinic = async (clinic: FleetClinic) => {
    options.checkpoint?.();
    emit({ type: "clinic-start", subdomain: clinic.subdomain });
    const clinicStartedAt = performance.now();
    const outcome = dryRun
      ? await findPendingMigrations(clinic, schema)
      : ((await beforeClinic(clinic, options.beforeClinic)) ??
        (await underClinicLock(clinic, options.lockClinic, () => updateClinic(clinic, schema))));
    const durationMs = Math.round(performance.now() - clinicStartedAt);
    if (runId)
      await recordClinicOutcome(options.central, { runId, clinicId: clinic.id, target, outcome, durationMs });
    const result = toResult(clinic.subdomain, outcome, durationMs, dryRun);
    results.push(result);
    emit({ type: "clinic-done", result, done: results.length, total: clinics.length, failed: countFailed() });
  };

  const canary = Math.min(options.canary ?? 0, pending.length);
  const phases = canary > 0 ? [pending.slice(0, canary), pending.slice(canary)] : [pending];
  let stopped: FleetSummary["stopped"];
  try {
    for (const [index, phase] of phases.entries()) {
      await runPool(phase, concurrency, processClinic);
      if (index === 0 && canary > 0 && countFailed() > 0) stopped = "canary";
      if (stopped) break;
    }
  } catch (error) {
    const end = { failed: true, error: describeError(error) };
    if (runId) await finishFleetRun(options.central, runId, end).catch(() => {});
    throw error;
  }

  const reached = new Set(results.map((result) => result.subdomain));
  const skipped = clinics.filter((clinic) => !reached.has(clinic.subdomain));
  for (const clinic of skipped) results.push(unchecked(clinic.subdomain, "skipped"));
  if (stopped) emit({ type: "stopped", reason: stopped, skipped: skipped.length });
  const failed = countFailed();
  if (runId) {
    const error =
      stopped &&
      `The canary failed (${failed} of the first ${canary} clinics); ${skipped.length} clinics were not attempted.`;
    await finishFleetRun(options.central, runId, { failed: failed > 0 || stopped !== undefined, error });
  }
  results.sort((a, b) => a.subdomain.localeCompare(b.subdomain));
  return {
    runId,
    target,
    dryRun,
    central,
    templates,
    results,
    failed,
    stopped,
    durationMs: Math.round(performance.now() - startedAt),
  };
}

/** The hook's failure as the clinic's outcome (not migrated), or nothing when it passed. */
async function beforeClinic(
  clinic: FleetClinic,
  hook: FleetOptions["beforeClinic"],
): Promise<ClinicOutcome | undefined> {
  if (!hook) return undefined;
  try {
    await hook(clinic);
    return undefined;
  } catch (error) {
    return {
      applied: [],
      error: `The backup before migrating failed: ${describeError(error)} It was not migrated.`,
    };
  }
}

async function underClinicLock(
  clinic: FleetClinic,
  lockClinic: FleetOptions["lockClinic"],
  work: () => Promise<ClinicOutcome>,
): Promise<ClinicOutcome> {
  if (!lockClinic) return work();
  let release: () => Promise<void>;
  try {
    release = await lockClinic(clinic.id);
  } catch (error) {
    return { applied: [], error: `${describeError(error)} The next run updates it.` };
  }
  try {
    return await work();
  } finally {
    await release();
  }
}

function checkConcurrency(value: number): number {
  if (Number.isInteger(value) && value >= 1 && value <= MAX_FLEET_CONCURRENCY) return value;
  throw new AppError("INVALID", `The concurrency must be a whole number from 1 to ${MAX_FLEET_CONCURRENCY}.`);
}

function toResult(
  subdomain: string,
  outcome: ClinicOutcome,
  durationMs: number,
  dryRun: boolean,
): FleetClinicResult {
  const { applied, error, retried } = outcome;
  if (error !== undefined) return { subdomain, status: "failed", applied, error, checked: true, durationMs };
  const status = applied.length === 0 ? "up-to-date" : dryRun ? "would-apply" : "updated";
  return { subdomain, status, applied, ...(retried ? { retried } : {}), checked: true, durationMs };
}

function unchecked(subdomain: string, status: "up-to-date" | "skipped"): FleetClinicResult {
  return { subdomain, status, applied: [], checked: false, durationMs: 0 };
}
