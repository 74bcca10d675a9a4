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
      ensureBackupEnv();
      // A restore started by the previous call may still be running: the clinic takes one job at a time.
      await settleBackgroundWork();
      const backup = await new BackupService({ central: world.central }).backupClinic(world.other.subdomain);
      return {
        clinicId: await clinicIdOf(world, world.other.subdomain),
        backupId: backup.id,
        confirmation: world.other.subdomain,
      };
    },
  ],
  ["backups/update-backup-settings", async () => ({ clinicAdminsMayBackup: false })],
];
