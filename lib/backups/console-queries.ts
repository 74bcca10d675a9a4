import type { CentralDb } from "../db/central";
import type { Backup, BackupKind, BackupStatus, ClinicStatus } from "../generated/central/client";

/** A backup as the consoles show it (plain values: it crosses to the browser). */
export type BackupRow = {
  id: string;
  kind: BackupKind;
  status: BackupStatus;
  startedAt: string;
  finishedAt: string | null;
  sizeBytes: number | null;
  schemaVersion: string | null;
  verifiedAt: string | null;
  copiedAt: string | null;
  error: string | null;
  /** Uploaded by a super admin rather than taken by a job here. */
  uploaded: boolean;
};

export type ClinicBackupSummary = {
  id: string;
  name: string;
  subdomain: string;
  status: ClinicStatus;
  /** The newest backup, whatever its outcome. */
  latest: BackupRow | null;
  /** The newest finished one. */
  lastDone: BackupRow | null;
  /** When a restore or a drill last found one of its backups equal to its manifest. */
  lastVerifiedAt: string | null;
  /** A backup or restore of it under way, to follow. */
  activeJob: { id: string; kind: string } | null;
};

const BACKUP_JOB_KINDS = ["backup-clinic", "backup-central", "restore-clinic"];

export function toBackupRow(backup: Backup): BackupRow {
  return {
    id: backup.id,
    kind: backup.kind,
    status: backup.status,
    startedAt: backup.startedAt.toISOString(),
    finishedAt: backup.finishedAt?.toISOString() ?? null,
    sizeBytes: backup.sizeBytes === null ? null : Number(backup.sizeBytes),
    schemaVersion: backup.schemaVersion,
    verifiedAt: backup.verifiedAt?.toISOString() ?? null,
    copiedAt: backup.copiedAt?.toISOString() ?? null,
    error: backup.error,
    uploaded: backup.jobId === null,
  };
}

/** Every active or suspended clinic with its backup state, by name; `clinicIds` narrows it (a clinic admin's). */
export async function findClinicBackupSummaries(options: {
  central: CentralDb;
  clinicIds?: string[];
}): Promise<ClinicBackupSummary[]> {
  const { central } = options;
  const clinics = await central.clinic.findMany({
    where: {
      status: { in: ["ACTIVE", "SUSPENDED"] },
      ...(options.clinicIds ? { id: { in: options.clinicIds } } : {}),
    },
    include: { backups: { where: { status: "DONE" }, orderBy: { startedAt: "desc" }, take: 1 } },
    orderBy: { name: "asc" },
  });
  const ids = clinics.map((clinic) => clinic.id);
  const [latest, verified, jobs] = await Promise.all([
    central.backup.findMany({
      where: { clinicId: { in: ids } },
      distinct: ["clinicId"],
      orderBy: [{ clinicId: "asc" }, { startedAt: "desc" }],
    }),
    central.backup.groupBy({
      by: ["clinicId"],
      where: { clinicId: { in: ids } },
      _max: { verifiedAt: true },
    }),
    central.job.findMany({
      where: { clinicId: { in: ids }, kind: { in: BACKUP_JOB_KINDS }, state: { in: ["QUEUED", "RUNNING"] } },
    }),
  ]);
  return clinics.map((clinic) => {
    const newest = latest.find((backup) => backup.clinicId === clinic.id);
    const done = clinic.backups[0];
    const verifiedAt = verified.find((row) => row.clinicId === clinic.id)?._max.verifiedAt;
    const job = jobs.find((row) => row.clinicId === clinic.id);
    return {
      id: clinic.id,
      name: clinic.name,
      subdomain: clinic.subdomain,
      status: clinic.status,
      latest: newest ? toBackupRow(newest) : null,
      lastDone: done ? toBackupRow(done) : null,
      lastVerifiedAt: verifiedAt?.toISOString() ?? null,
      activeJob: job ? { id: job.id, kind: job.kind } : null,
    };
  });
}

/** The central database's newest backup and newest finished one, and a backup of it under way. */
export async function findCentralBackupSummary(central: CentralDb) {
  const [latest, lastDone, job] = await Promise.all([
    central.backup.findFirst({ where: { clinicId: null }, orderBy: { startedAt: "desc" } }),
    central.backup.findFirst({ where: { clinicId: null, status: "DONE" }, orderBy: { startedAt: "desc" } }),
    central.job.findFirst({ where: { kind: "backup-central", state: { in: ["QUEUED", "RUNNING"] } } }),
  ]);
  return {
    latest: latest ? toBackupRow(latest) : null,
    lastDone: lastDone ? toBackupRow(lastDone) : null,
    activeJobId: job?.id ?? null,
  };
}

/** A clinic's backups, newest first (a page of them: the list is for choosing one to restore). */
export async function findClinicBackups(options: {
  central: CentralDb;
  clinicId: string;
  take?: number;
}): Promise<BackupRow[]> {
  const rows = await options.central.backup.findMany({
    where: { clinicId: options.clinicId },
    orderBy: { startedAt: "desc" },
    take: options.take ?? 100,
  });
  return rows.map(toBackupRow);
}
