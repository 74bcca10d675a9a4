import type { CentralDb } from "../db/central";
import { ClinicDatabaseService } from "../tenancy/clinic-database-service";

/**
 * How long a console request waits for a suspend, resume or delete job that another process is
 * running (behind a rollout's hold on the clinic, say) before answering; the job goes on, and the
 * console shows the clinic as busy with it until it ends.
 */
export const CONSOLE_JOB_WAIT_MS = 5_000;

/** The service the console works through, on this process's env (TENANT_NAME_PREFIX, reservation days). */
export function getClinicService(central: CentralDb): ClinicDatabaseService {
  return new ClinicDatabaseService({ central, waitMs: CONSOLE_JOB_WAIT_MS });
}
