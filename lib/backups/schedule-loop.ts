import type { CentralDb } from "../db/central";
import { dropExpiredAsideDatabases } from "./restore-aside";
import { applyRetentionEverywhere } from "./retention-run";
import { queueDueBackup, queueDueDrill } from "./schedule-run";
import { ClinicTimeZones } from "./schedule-time-zones";

export type BackupScheduler = { stop(): void };

const TICK_MS = 20_000;
/** While scheduled work is queued or running: the next one is queued this soon after it ends. */
const BUSY_TICK_MS = 1_000;
const SWEEP_MS = 3_600_000;
const SCHEDULED_KINDS = ["backup-clinic", "backup-central", "restore-drill"];

/**
 * When the schedule looks again: within a second while its backups and drills follow each other
 * (one at a time, so a night holds thousands of clinics, not one per 20 s tick), every 20 s when
 * nothing is due.
 */
export function nextTickDelay(state: { queued: boolean; scheduledWorkRunning: boolean }): number {
  return state.queued || state.scheduledWorkRunning ? BUSY_TICK_MS : TICK_MS;
}

/**
 * The backup schedule, inside every job worker (BACKUP_SCHEDULE=off turns it off): it queues the
 * next due scheduled backup or restore drill (one at a time, platform-wide: the workers run them)
 * as soon as the one before has ended, and hourly it applies retention everywhere (deleted clinics
 * take no new backups, so nothing else would) and drops databases restores set aside longer ago
 * than RESTORE_KEEP_HOURS.
 */
export function startBackupScheduler(options: {
  central: CentralDb;
  env?: NodeJS.ProcessEnv;
  log?: (line: string) => void;
}): BackupScheduler {
  const env = options.env ?? process.env;
  const log = options.log ?? console.log;
  const timeZones = new ClinicTimeZones();
  let stopped = false;
  let lastSweep = 0;
  let timer: NodeJS.Timeout | undefined;
  const tick = async () => {
    let delay = TICK_MS;
    try {
      // While one runs, nothing else is queued (one at a time): look again soon, cheaply.
      const running = await options.central.job.count({
        where: { kind: { in: SCHEDULED_KINDS }, state: { in: ["QUEUED", "RUNNING"] } },
      });
      const backup = running > 0 ? null : await queueDueBackup(options.central, { env, timeZones });
      if (backup) log(`[backups] scheduled ${backup.kind} queued (job ${backup.id})`);
      const drill = running > 0 || backup ? null : await queueDueDrill(options.central, { env });
      if (drill) log(`[backups] restore drill queued (job ${drill.id})`);
      delay = nextTickDelay({ queued: Boolean(backup || drill), scheduledWorkRunning: running > 0 });
      if (Date.now() - lastSweep >= SWEEP_MS) {
        lastSweep = Date.now();
        const removed = await applyRetentionEverywhere(options.central, { env });
        if (removed > 0) log(`[backups] retention removed ${removed} backup(s)`);
        await dropExpiredAsideDatabases(options.central, env);
      }
    } catch (error) {
      // The central database is away, or a clinic is busy: the next tick tries again.
      log(
        `[backups] the schedule could not run: ${error instanceof Error ? error.message.split("\n")[0] : "error"}`,
      );
    } finally {
      if (!stopped) {
        timer = setTimeout(() => void tick(), delay);
        timer.unref();
      }
    }
  };
  void tick();
  return {
    stop() {
      stopped = true;
      clearTimeout(timer);
    },
  };
}
