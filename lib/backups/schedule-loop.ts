import type { CentralDb } from "../db/central";
import { dropExpiredAsideDatabases } from "./restore-aside";
import { applyRetentionEverywhere } from "./retention-run";
import { queueDueBackup, queueDueDrill } from "./schedule-run";
import { ClinicTimeZones } from "./schedule-time-zones";

export type BackupScheduler = { stop(): void };

const TICK_MS = 20_000;
const SWEEP_MS = 3_600_000;

/**
 * The backup schedule, inside every job worker (BACKUP_SCHEDULE=off turns it off): every 20 s it
 * queues the next due scheduled backup or restore drill (one at a time, platform-wide: the workers
 * run them), and hourly it applies retention everywhere (deleted clinics take no new backups, so
 * nothing else would) and drops databases restores set aside longer ago than RESTORE_KEEP_HOURS.
 */
export function startBackupScheduler(options: {
  central: CentralDb;
  env?: NodeJS.ProcessEnv;
  log?: (line: string) => void;
}): BackupScheduler {
  const env = options.env ?? process.env;
  const log = options.log ?? console.log;
  const timeZones = new ClinicTimeZones();
  let running = false;
  let stopped = false;
  let lastSweep = 0;
  const tick = async () => {
    if (running || stopped) return;
    running = true;
    try {
      const backup = await queueDueBackup(options.central, { env, timeZones });
      if (backup) log(`[backups] scheduled ${backup.kind} queued (job ${backup.id})`);
      const drill = await queueDueDrill(options.central, { env });
      if (drill) log(`[backups] restore drill queued (job ${drill.id})`);
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
      running = false;
    }
  };
  const timer = setInterval(() => void tick(), TICK_MS);
  timer.unref();
  void tick();
  return {
    stop() {
      stopped = true;
      clearInterval(timer);
    },
  };
}
