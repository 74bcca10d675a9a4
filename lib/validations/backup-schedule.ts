import { z } from "zod";

const whole = (label: string, min: number, max: number) =>
  z
    .number({ error: `Enter ${label}.` })
    .int(`${label[0]?.toUpperCase()}${label.slice(1)} is a whole number.`)
    .min(min, `${label[0]?.toUpperCase()}${label.slice(1)} is at least ${min}.`)
    .max(max, `${label[0]?.toUpperCase()}${label.slice(1)} is at most ${max}.`);

/** The backup schedule, retention and drill settings of /super/backups/schedule. */
export const backupScheduleSchema = z.object({
  backupHour: whole("the backup hour", 0, 23),
  backupKeepDaily: whole("the daily backups kept", 1, 366),
  backupKeepWeekly: whole("the weekly backups kept", 0, 520),
  backupMaxAgeHours: whole("the age limit in hours", 1, 24 * 90),
  drillSampleSize: whole("the drills a day", 0, 100),
});
export type BackupScheduleInput = z.input<typeof backupScheduleSchema>;
