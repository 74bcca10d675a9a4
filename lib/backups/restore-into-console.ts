import type { Actor } from "../auth/actor";
import { continueAfterResponse } from "../background-work";
import type { CentralDb } from "../db/central";
import type { Clinic } from "../generated/central/client";
import { BackupService } from "./backup-service";
import { startRestoreIntoClinic } from "./restore-into-service";

/** What the console gets back at once: the job to follow and the clinic it is making. */
export type StartedRestoreInto = { jobId: string; clinicId: string; subdomain: string };

/**
 * The console's "Restore as a new clinic": the new clinic's row, its job and the central audit row
 * commit together (or a bad or taken subdomain is refused with nothing made); the job runs after
 * the response, and a worker takes it up if this process dies.
 */
export async function startConsoleRestoreInto(options: {
  central: CentralDb;
  actor: Actor;
  source: Clinic;
  backupId: string;
  subdomain: string;
  name: string;
}): Promise<StartedRestoreInto> {
  const { central, actor, source } = options;
  const { clinic, job } = await startRestoreIntoClinic(central, source, {
    backupId: options.backupId,
    into: options.subdomain,
    name: options.name,
    audit: { actor, action: "backup.restore-into" },
  });
  continueAfterResponse(new BackupService({ central }).jobs.runUntilDone(job.id), "backup");
  return { jobId: job.id, clinicId: clinic.id, subdomain: clinic.subdomain };
}
