import type { Actor } from "../auth/actor";
import type { CentralDb } from "../db/central";
import { recordCentralAudit } from "../db/central-audit";
import type { PlatformSetting, Prisma } from "../generated/central/client";

/** The backup schedule, retention and drill settings of platform_settings (its defaults until a row exists). */
export type BackupSettings = Pick<
  PlatformSetting,
  "backupHour" | "backupKeepDaily" | "backupKeepWeekly" | "backupMaxAgeHours" | "drillSampleSize"
>;

export const DEFAULT_BACKUP_SETTINGS: BackupSettings = {
  backupHour: 2,
  backupKeepDaily: 7,
  backupKeepWeekly: 4,
  backupMaxAgeHours: 36,
  drillSampleSize: 3,
};

export async function findBackupSettings(
  central: CentralDb | Prisma.TransactionClient,
): Promise<BackupSettings> {
  const row = await central.platformSetting.findUnique({ where: { id: 1 } });
  if (!row) return DEFAULT_BACKUP_SETTINGS;
  const { backupHour, backupKeepDaily, backupKeepWeekly, backupMaxAgeHours, drillSampleSize } = row;
  return { backupHour, backupKeepDaily, backupKeepWeekly, backupMaxAgeHours, drillSampleSize };
}

/** Saves the settings (the row is made on first use) with an audit row of what changed. */
export async function updateBackupSettings(options: {
  central: CentralDb;
  actor: Actor;
  settings: BackupSettings;
}): Promise<BackupSettings> {
  const { central, actor, settings } = options;
  return central.$transaction(async (tx) => {
    const before = await findBackupSettings(tx);
    await tx.platformSetting.upsert({
      where: { id: 1 },
      create: { id: 1, ...settings, updatedBy: actor.id },
      update: { ...settings, updatedBy: actor.id },
    });
    const details: Record<string, number> = {};
    for (const key of Object.keys(settings) as (keyof BackupSettings)[]) {
      if (before[key] === settings[key]) continue;
      details[`${key}Before`] = before[key];
      details[key] = settings[key];
    }
    await recordCentralAudit(tx, {
      actor,
      action: "backup.schedule",
      target: { type: "user", id: actor.id },
      details,
    });
    return settings;
  });
}
