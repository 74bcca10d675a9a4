import type { Sample } from "../action-samples";

let hour = 0;

/** Samples for the backup schedule's action (see ACTION_SAMPLES). */
export const BACKUP_SCHEDULE_SAMPLES: [string, Sample][] = [
  [
    "backups/update-backup-schedule",
    async () => ({
      backupHour: hour++ % 24,
      backupKeepDaily: 7,
      backupKeepWeekly: 4,
      backupMaxAgeHours: 36,
      drillSampleSize: 3,
    }),
  ],
];
