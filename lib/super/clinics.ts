import { type ClinicAttention, findClinicAttention, needsAttentionWhere } from "../admin/clinic-attention";
import { removeStuckClinic, retryClinicSetup } from "../admin/clinic-recovery";
import type { Actor } from "../auth/actor";
import type { CentralDb } from "../db/central";
import { AppError } from "../errors";
import type { Prisma } from "../generated/central/client";
import type { ClinicStatus } from "../generated/central/enums";
import { ClinicDatabaseService } from "../tenancy/clinic-database-service";
import type { ClinicListSort } from "../validations/super";
import { type DatabaseSize, findDatabaseSizes } from "./database-sizes";

export const CLINICS_PAGE_SIZE = 25;

export type ClinicListRow = {
  id: string;
  name: string;
  subdomain: string;
  status: ClinicStatus;
  statusReason: string | null;
  ownerEmail: string;
  serverName: string | null;
  schemaVersion: string | null;
  lastMigrationAt: Date | null;
  lastMigrationError: string | null;
  size: DatabaseSize;
  attention: ClinicAttention | null;
};

/** The list's filter: one status, or every clinic that needs someone to look at it. */
export type ClinicListFilter = ClinicStatus | "attention";

type Direction = Prisma.SortOrder;

// Each sort key's order; the subdomain (unique) breaks ties, so pages never overlap.
const CLINIC_ORDER: Record<ClinicListSort["key"], (dir: Direction) => Prisma.ClinicOrderByWithRelationInput> =
  {
    clinic: (dir) => ({ subdomain: dir }),
    status: (dir) => ({ status: dir }),
    owner: (dir) => ({ owner: { email: dir } }),
    server: (dir) => ({ databaseServer: { name: dir } }),
    schema: (dir) => ({ schemaVersion: { sort: dir, nulls: "last" } }),
    migration: (dir) => ({ lastMigrationAt: { sort: dir, nulls: "last" } }),
  };

/**
 * One page of every clinic with what an operator needs (never anything from inside a clinic's
 * database but its size, asked of the server for the rows on this page only), by subdomain unless
 * `sort` says otherwise.
 */
export async function findClinicsPage(options: {
  central: CentralDb;
  page: number;
  filter?: ClinicListFilter;
  sort?: ClinicListSort;
}): Promise<{ rows: ClinicListRow[]; total: number; pages: number }> {
  const { central, page, filter } = options;
  const sort = options.sort ?? { key: "clinic", desc: false };
  const where =
    filter === "attention" ? await needsAttentionWhere(central) : filter ? { status: filter } : {};
  const [clinics, total] = await Promise.all([
    central.clinic.findMany({
      where,
      orderBy: [CLINIC_ORDER[sort.key](sort.desc ? "desc" : "asc"), { subdomain: "asc" }],
      skip: (page - 1) * CLINICS_PAGE_SIZE,
      take: CLINICS_PAGE_SIZE,
      include: { owner: { select: { email: true } }, databaseServer: true },
    }),
    central.clinic.count({ where }),
  ]);
  const [sizes, attention] = await Promise.all([
    findDatabaseSizes(clinics),
    findClinicAttention(central, clinics),
  ]);
  const rows = clinics.map((clinic) => ({
    id: clinic.id,
    name: clinic.name,
    subdomain: clinic.subdomain,
    status: clinic.status,
    statusReason: clinic.statusReason,
    ownerEmail: clinic.owner.email,
    serverName: clinic.databaseServer?.name ?? null,
    schemaVersion: clinic.schemaVersion,
    lastMigrationAt: clinic.lastMigrationAt,
    lastMigrationError: clinic.lastMigrationError,
    size: sizes.get(clinic.id) ?? { bytes: null, problem: "Not measured." },
    attention: attention.get(clinic.id) ?? null,
  }));
  return { rows, total, pages: Math.max(1, Math.ceil(total / CLINICS_PAGE_SIZE)) };
}

/** Stops a clinic: its role cannot log in, its sessions end, every app process shows "suspended". */
export async function suspendClinic(options: {
  actor: Actor;
  central: CentralDb;
  clinicId: string;
  reason: string;
}): Promise<void> {
  const { central, clinicId, reason } = options;
  const subdomain = await findSubdomain(central, clinicId);
  await new ClinicDatabaseService({ central }).suspendClinic(subdomain, reason, {
    actor: options.actor,
    action: "clinic.suspended",
    details: { reason },
  });
}

export async function resumeClinic(options: {
  actor: Actor;
  central: CentralDb;
  clinicId: string;
}): Promise<void> {
  const { central, clinicId } = options;
  const subdomain = await findSubdomain(central, clinicId);
  await new ClinicDatabaseService({ central }).resumeClinic(subdomain, {
    actor: options.actor,
    action: "clinic.resumed",
  });
}

/** Any clinic's failed set-up, taken up again with its first details; it keeps its owner. */
export async function retryPlatformClinicSetup(options: {
  actor: Actor;
  central: CentralDb;
  clinicId: string;
}): Promise<void> {
  const subdomain = await findSubdomain(options.central, options.clinicId);
  await retryClinicSetup({ ...options, subdomain });
}

/** Any clinic whose set-up failed (removed) or whose deletion failed (deleted again). */
export async function removeFailedPlatformClinic(options: {
  actor: Actor;
  central: CentralDb;
  clinicId: string;
}): Promise<void> {
  const clinic = await options.central.clinic.findUnique({ where: { id: options.clinicId } });
  if (!clinic) throw new AppError("NOT_FOUND", "There is no such clinic.");
  await removeStuckClinic({ ...options, clinic });
}

async function findSubdomain(central: CentralDb, clinicId: string): Promise<string> {
  const clinic = await central.clinic.findUnique({ where: { id: clinicId }, select: { subdomain: true } });
  if (!clinic) throw new AppError("NOT_FOUND", "There is no such clinic.");
  return clinic.subdomain;
}
