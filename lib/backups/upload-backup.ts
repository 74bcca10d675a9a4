import { randomUUID } from "node:crypto";
import { rename, rm } from "node:fs/promises";
import { type Actor, isOperator, type Operator } from "../auth/actor";
import type { CentralDb } from "../db/central";
import { recordCentralAudit } from "../db/central-audit";
import { readMigrationFiles } from "../db/migration-files";
import { SCHEMA_LOCATIONS } from "../db/migrations";
import { AppError } from "../errors";
import type { Clinic, DatabaseServer } from "../generated/central/client";
import { decryptBackupFile, sha256OfFile, verifyBackupFile } from "./backup-file";
import { getBackupKeys } from "./backup-keys";
import { backupDirs, backupFilePath, ensureFolder, resolveBackupFile } from "./backup-store";
import { type BackupRow, toBackupRow } from "./console-queries";
import { inspectClinicDump } from "./upload-inspect";
import { receiveUploadFile, tooLarge, uploadMaxBytes } from "./upload-receive";

/**
 * A backup file a super admin uploads for a clinic (or an operator imports from the command line,
 * where the browser's size limit does not apply). Before any row exists it must: fit the size
 * limit; be a backup file of this platform (its header, a key BACKUP_KEY holds, every chunk's
 * authentication tag); be new to the clinic's list; restore cleanly into a scratch database that is
 * a clinic's, at a schema version this platform knows, of this clinic (its name). Then it joins
 * the clinic's folder and list like a backup taken here, and can be restored.
 */
export async function uploadClinicBackup(options: {
  central: CentralDb;
  actor: Actor | Operator;
  clinic: Clinic & { databaseServer: DatabaseServer | null };
  body: AsyncIterable<Uint8Array>;
  /** Content-Length, when the client sent one: refused before reading when over the limit. */
  declaredBytes?: number;
  /** The largest file accepted: by default a browser upload's (BACKUP_UPLOAD_MAX_MB, at most 10 MB). */
  maxBytes?: number;
  env?: NodeJS.ProcessEnv;
}): Promise<BackupRow> {
  const { central, actor, clinic } = options;
  const env = options.env ?? process.env;
  const maxBytes = options.maxBytes ?? uploadMaxBytes(env);
  if (options.declaredBytes !== undefined && options.declaredBytes > maxBytes) throw tooLarge(maxBytes);
  if (!clinic.databaseServer || (clinic.status !== "ACTIVE" && clinic.status !== "SUSPENDED")) {
    throw new AppError("CONFLICT", "Backups can be uploaded for an active or suspended clinic only.");
  }
  const dirs = backupDirs(env);
  const received = await receiveUploadFile({ backupDir: dirs.dir, body: options.body, maxBytes });
  const dumpFile = `${received.file}.dump`;
  try {
    const keys = getBackupKeys(env);
    const { keyId } = await verifyBackupFile(received.file, keys);
    const sha256 = await sha256OfFile(received.file);
    const same = await central.backup.findFirst({ where: { clinicId: clinic.id, sha256, status: "DONE" } });
    if (same) {
      throw new AppError(
        "CONFLICT",
        `This file is already in ${clinic.name}'s list: the backup of ${same.startedAt.toISOString().slice(0, 16).replace("T", " ")} UTC.`,
      );
    }
    await decryptBackupFile(received.file, dumpFile, keys);
    const { manifest, clinicName } = await inspectClinicDump({
      server: clinic.databaseServer,
      liveDatabase: clinic.databaseName,
      dumpFile,
      env,
    });
    await requireKnownVersion(manifest.schemaVersion);
    if (clinicName !== clinic.name) {
      throw new AppError(
        "INVALID",
        `This backup is of the clinic “${clinicName}”, not of “${clinic.name}”. Upload it on that clinic's page (if the clinic was renamed since, rename it back first).`,
      );
    }
    const id = randomUUID();
    const startedAt = new Date();
    const filePath = backupFilePath(clinic.subdomain, id, startedAt);
    await ensureFolder(dirs.dir, clinic.subdomain);
    const target = resolveBackupFile(dirs.dir, filePath);
    await rename(received.file, target);
    try {
      const backup = await central.$transaction(async (tx) => {
        const created = await tx.backup.create({
          data: {
            id,
            clinicId: clinic.id,
            kind: "MANUAL",
            status: "DONE",
            startedAt,
            finishedAt: new Date(),
            sizeBytes: received.sizeBytes,
            sha256,
            keyId,
            schemaVersion: manifest.schemaVersion,
            filePath,
            manifest,
            requestedBy: isOperator(actor) ? null : actor.id,
          },
        });
        await recordCentralAudit(tx, {
          actor,
          action: isOperator(actor) ? "backup.import" : "backup.upload",
          target: { type: "clinic", id: clinic.id },
          details: { subdomain: clinic.subdomain, backup: id, sizeBytes: received.sizeBytes },
        });
        return created;
      });
      return toBackupRow(backup);
    } catch (error) {
      await rm(target, { force: true });
      throw error;
    }
  } finally {
    await rm(received.file, { force: true });
    await rm(dumpFile, { force: true });
  }
}

async function requireKnownVersion(version: string | null): Promise<void> {
  if (!version) {
    throw new AppError(
      "INVALID",
      "This backup has no migration history, so it is not of a clinic of this platform.",
    );
  }
  const migrations = await readMigrationFiles(SCHEMA_LOCATIONS.tenant.migrationsDir);
  if (!migrations.some((migration) => migration.name === version)) {
    throw new AppError(
      "INVALID",
      `This backup is at schema version ${version}, which this version of the platform does not know (it is newer, or not of this platform).`,
    );
  }
}
