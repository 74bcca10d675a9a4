import type { CentralDb } from "../db/central";
import { AppError, ConfigError } from "../errors";
import type { Clinic, DatabaseServer, Job } from "../generated/central/client";
import { Prisma } from "../generated/central/client";
import { findActiveJob } from "../jobs/queue";
import { type ClinicAudit, recordClinicAudit } from "./clinic-audit";
import { clinicDatabaseName, clinicRoleName } from "./names";
import type { ProvisionClinicRequest } from "./provision-input";
import { pickServer } from "./servers";

export type ClaimOptions = {
  env?: NodeJS.ProcessEnv;
  reservationDays: number;
  now?: Date;
  /** Written with the claim itself. */
  audit?: ClinicAudit;
  /** Queues the provisioning job in the claim's transaction. */
  enqueue: (tx: Prisma.TransactionClient, clinic: Clinic) => Promise<Job>;
};

/**
 * Step one of provisioning: the central row, in state PROVISIONING, and its job, in one
 * transaction. A new subdomain gets a new row; a FAILED attempt of the same owner is taken over
 * (retry); one of the same owner still being set up is answered with its job (whose worker may
 * have died: waiting for it takes it up again); a deleted clinic's subdomain is free again once
 * its reservation has passed (at once when it never became active). The unique index on
 * subdomain decides concurrent attempts: exactly one wins.
 */
export async function claimClinicRow(
  central: CentralDb,
  request: ProvisionClinicRequest,
  options: ClaimOptions,
): Promise<{ clinic: Clinic; job: Job }> {
  const existing = await central.clinic.findUnique({ where: { subdomain: request.subdomain } });
  const sameOwner = existing?.ownerId === request.ownerId;
  if (existing?.status === "PROVISIONING" && sameOwner) {
    const job = await findActiveJob(central, existing.id);
    if (job) return { clinic: existing, job };
  }
  if ((existing?.status === "FAILED" || existing?.status === "PROVISIONING") && sameOwner) {
    const server = existing.databaseServerId ? null : await requireServer(central);
    return central.$transaction(async (tx) => {
      const taken = await tx.clinic.updateMany({
        where: { id: existing.id, status: existing.status },
        data: {
          ...(server && { databaseServerId: server.id }),
          status: "PROVISIONING",
          name: request.name,
          statusReason: null,
          provisioningStep: "registered",
        },
      });
      if (taken.count === 0) throw new AppError("CONFLICT", "This clinic is already being set up.");
      await recordClinicAudit(tx, existing, options.audit);
      const clinic = await tx.clinic.findUniqueOrThrow({ where: { id: existing.id } });
      return { clinic, job: await options.enqueue(tx, clinic) };
    });
  }
  if (existing?.status === "DELETED") await releaseDeletedSubdomain(central, existing, options);
  else if (existing) throw taken(request.subdomain);

  const server = await requireServer(central);
  try {
    return await central.$transaction(async (tx) => {
      const clinic = await tx.clinic.create({
        data: {
          name: request.name,
          subdomain: request.subdomain,
          ownerId: request.ownerId,
          databaseServerId: server.id,
          databaseName: clinicDatabaseName(request.subdomain, { env: options.env }),
          roleName: clinicRoleName(request.subdomain, { env: options.env }),
          provisioningStep: "registered",
        },
      });
      await recordClinicAudit(tx, clinic, options.audit);
      return { clinic, job: await options.enqueue(tx, clinic) };
    });
  } catch (error) {
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002")
      throw taken(request.subdomain);
    throw error;
  }
}

/** How long a deleted clinic's subdomain stays reserved: SUBDOMAIN_RESERVATION_DAYS, 30 by default. */
export function subdomainReservationDays(env: NodeJS.ProcessEnv = process.env): number {
  const days = Number(env.SUBDOMAIN_RESERVATION_DAYS ?? 30);
  if (!Number.isInteger(days) || days < 0) {
    throw new ConfigError("SUBDOMAIN_RESERVATION_DAYS must be a whole number of days (0 or more).");
  }
  return days;
}

/** Until when a deleted clinic's subdomain stays reserved. */
export function subdomainReservedUntil(
  deleted: Pick<Clinic, "deletedAt" | "updatedAt">,
  reservationDays: number,
): Date {
  return new Date((deleted.deletedAt ?? deleted.updatedAt).getTime() + reservationDays * 86_400_000);
}

async function releaseDeletedSubdomain(central: CentralDb, deleted: Clinic, options: ClaimOptions) {
  const reservedUntil = subdomainReservedUntil(deleted, options.reservationDays);
  // A clinic that never became active (no schema version) had no staff, patients or links to protect.
  if (deleted.schemaVersion !== null && reservedUntil > (options.now ?? new Date())) {
    throw new AppError(
      "CONFLICT",
      `The subdomain “${deleted.subdomain}” belonged to a deleted clinic and is reserved until ${reservedUntil.toISOString().slice(0, 10)}.`,
      { subdomain: "This subdomain is reserved for now." },
    );
  }
  // The old row stays for the record, under names no valid subdomain can take ("~" is never valid).
  const suffix = `~${deleted.id}`;
  await central.clinic.update({
    where: { id: deleted.id },
    data: {
      subdomain: `${deleted.subdomain}${suffix}`,
      databaseName: `${deleted.databaseName}${suffix}`,
      roleName: `${deleted.roleName}${suffix}`,
    },
  });
}

async function requireServer(central: CentralDb): Promise<DatabaseServer> {
  const server = await pickServer(central);
  if (!server) {
    throw new AppError(
      "UNAVAILABLE",
      "No database server has room for a new clinic. Ask a super admin to add capacity.",
    );
  }
  return server;
}

function taken(subdomain: string): AppError {
  return new AppError("CONFLICT", `The subdomain “${subdomain}” is already taken.`, {
    subdomain: "This subdomain is already taken.",
  });
}
