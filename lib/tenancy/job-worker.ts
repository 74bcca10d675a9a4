import { startBackupScheduler } from "../backups/schedule-loop";
import { type CentralDb, centralUrlOf } from "../db/central";
import { type JobHandlers, JobRunner } from "../jobs/runner";
import { JobWorker } from "../jobs/worker";
import { maintenanceJobHandlers } from "../maintenance/maintenance-jobs";
import { moveClinicHandler } from "../moves/move-job";
import { pitrRestoreHandler } from "../pitr/pitr-job";
import type { ClinicJobOptions } from "./clinic-job-context";
import { clinicJobHandlers } from "./clinic-jobs";
import { fleetJobHandler } from "./fleet-job";

/** Every kind of job the platform runs, each with its handler. */
export function platformJobHandlers(options: ClinicJobOptions): JobHandlers {
  return {
    ...clinicJobHandlers(options),
    ...maintenanceJobHandlers(),
    "fleet-rollout": fleetJobHandler({ env: options.env, schema: options.schema }),
    "move-clinic": moveClinicHandler(options),
    "pitr-restore-clinic": pitrRestoreHandler(options),
  };
}

/**
 * The platform's job worker (inside `npm start`, or alone as `npm run worker`): JOB_CONCURRENCY
 * jobs at once (default 2), and the backup schedule unless BACKUP_SCHEDULE=off. Returns it
 * started; `stop()` drains it.
 */
export async function startPlatformWorker(options: {
  central: CentralDb;
  env?: NodeJS.ProcessEnv;
  log?: (line: string) => void;
}): Promise<JobWorker> {
  const env = options.env ?? process.env;
  const concurrency = Number(env.JOB_CONCURRENCY ?? 2);
  if (!Number.isInteger(concurrency) || concurrency < 1 || concurrency > 16) {
    throw new Error("JOB_CONCURRENCY must be a whole number from 1 to 16.");
  }
  const centralUrl = centralUrlOf(options.central);
  const runner = new JobRunner({
    central: options.central,
    centralUrl,
    handlers: platformJobHandlers({ central: options.central, env }),
    log: options.log,
  });
  const worker = new JobWorker(runner, { centralUrl, concurrency, log: options.log });
  await worker.start();
  if (env.BACKUP_SCHEDULE === "off") return worker;
  const scheduler = startBackupScheduler({ central: options.central, env, log: options.log });
  const drain = worker.stop.bind(worker);
  worker.stop = (graceMs) => {
    scheduler.stop();
    return drain(graceMs);
  };
  return worker;
}
