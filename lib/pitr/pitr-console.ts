import type { Actor } from "../auth/actor";
import {
  dropExpiredRestoreAsides,
  requireRestoreConfirmed,
  type StartedBackupJob,
  startConsoleJob,
} from "../backups/console-jobs";
import { type CentralDb, centralUrlOf } from "../db/central";
import { AppError } from "../errors";
import type { Clinic } from "../generated/central/client";
import { JobRunner } from "../jobs/runner";
import { requirePitrConfig } from "./pgbackrest";
import { pitrRestoreHandler } from "./pitr-job";
import { momentToInstant } from "./restore-moment";

/**
 * The console's "Restore to a moment…": after the subdomain was typed, the moment (on the clinic's
 * clock, in the time zone the dialog showed) is queued as a `pitr-restore-clinic` job with its
 * central audit row, and runs after the response. Whether the moment is inside the recoverable
 * window the job's check step says, with the window, before anything is touched.
 */
export async function startClinicRestoreToMoment(options: {
  central: CentralDb;
  actor: Actor;
  clinic: Clinic;
  moment: string;
  timeZone: string;
  confirmation: string;
}): Promise<StartedBackupJob> {
  const { central, actor, clinic, timeZone } = options;
  requireRestoreConfirmed(clinic, options.confirmation);
  const server = clinic.databaseServerId
    ? await central.databaseServer.findUnique({ where: { id: clinic.databaseServerId } })
    : null;
  if (!server) throw new AppError("CONFLICT", "The clinic has no database server yet.");
  requirePitrConfig(server);
  const at = momentToInstant(options.moment, timeZone);
  if (at > new Date()) {
    throw new AppError("INVALID", "That moment has not come yet: choose one up to now.", {
      moment: "Choose a moment up to now.",
    });
  }
  return startConsoleJob({
    central,
    actor,
    job: { kind: "pitr-restore-clinic", clinicId: clinic.id, payload: { at: at.toISOString() } },
    audit: (queued) => ({
      action: "backup.restore-to-moment",
      target: { type: "clinic", id: clinic.id },
      details: { subdomain: clinic.subdomain, at: at.toISOString(), timeZone, job: queued.id },
    }),
    runner: new JobRunner({
      central,
      centralUrl: centralUrlOf(central),
      handlers: { "pitr-restore-clinic": pitrRestoreHandler({ central }) },
    }),
    before: dropExpiredRestoreAsides(central),
  });
}
