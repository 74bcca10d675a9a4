import { randomBytes } from "node:crypto";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { settleBackgroundWork } from "../../background-work";
import { BackupService } from "../../backups/backup-service";
import { setClinicAdminsMayBackup } from "../../backups/console-access";
import type { Sample, SampleWorld } from "../action-samples";

/** BACKUP_KEY and BACKUP_DIR for this test process (a throwaway key and folder), once. */
export function ensureBackupEnv(): void {
  process.env.BACKUP_KEY ??= `test:${randomBytes(32).toString("base64")}`;
  process.env.BACKUP_DIR ??= mkdtempSync(path.join(tmpdir(), "sample-backups-"));
}

const clinicIdOf = async (world: SampleWorld, subdomain: string) =>
  (await world.central.clinic.findUniqueOrThrow({ where: { subdomain } })).id;

/** A fresh backup of the second clinic, once the background work of earlier calls has ended (one job per clinic at a time). */
async function backupOfOther(world: SampleWorld) {
  ensureBackupEnv();
  await settleBackgroundWork();
  return new BackupService({ central: world.central }).backupClinic(world.other.subdomain);
}

/** Samples for lib/actions/backups (see ACTION_SAMPLES). */
export const BACKUPS_SAMPLES: [string, Sample][] = [
  [
    "backups/back-up-clinic",
    async (world) => {
      ensureBackupEnv();
      return { clinicId: await clinicIdOf(world, world.clinic.subdomain) };
    },
  ],
  [
    "backups/back-up-own-clinic",
    async (world) => {
      ensureBackupEnv();
      await setClinicAdminsMayBackup(world.central, true, world.superAdmin.id);
      return { clinicId: await clinicIdOf(world, world.clinic.subdomain) };
    },
  ],
  [
    "backups/back-up-central",
    async () => {
      ensureBackupEnv();
      return {};
    },
  ],
  [
    // The second clinic: restoring swaps its database, and no test reads it after setting up.
    "backups/restore-clinic",
    async (world) => {
      const backup = await backupOfOther(world);
      return {
        clinicId: await clinicIdOf(world, world.other.subdomain),
        backupId: backup.id,
        confirmation: world.other.subdomain,
      };
    },
  ],
  [
    // A copy of the second clinic's backup as a new clinic, at a subdomain of its own each call.
    "backups/restore-into-clinic",
    async (world) => {
      const backup = await backupOfOther(world);
      return {
        clinicId: await clinicIdOf(world, world.other.subdomain),
        backupId: backup.id,
        subdomain: `copy-${randomBytes(4).toString("hex")}`,
        name: "Sample copy",
      };
    },
  ],
  ["backups/update-backup-settings", async () => ({ clinicAdminsMayBackup: false })],
];
