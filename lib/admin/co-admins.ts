import type { Actor } from "../auth/actor";
import type { CentralDb } from "../db/central";
import { recordCentralAudit } from "../db/central-audit";
import { AppError } from "../errors";
import type { Clinic } from "../generated/central/client";
import { findOwnedClinic } from "./clinic-access";

export type CoAdminRow = { userId: string; name: string; email: string; addedAt: string };

type OwnerCommand = { central: CentralDb; actor: Actor; clinicId: string };

/** The clinic (owner only) and its co-admins, oldest first. */
export async function findCoAdmins(options: {
  central: CentralDb;
  userId: string;
  clinicId: string;
}): Promise<{ clinic: Clinic; coAdmins: CoAdminRow[] }> {
  const clinic = await findOwnedClinic({ ...options, doing: "manage co-admins" });
  const rows = await options.central.clinicCoAdmin.findMany({
    where: { clinicId: clinic.id },
    include: { user: true },
    orderBy: { createdAt: "asc" },
  });
  return {
    clinic,
    coAdmins: rows.map((row) => ({
      userId: row.userId,
      name: row.user.name,
      email: row.user.email,
      addedAt: row.createdAt.toISOString(),
    })),
  };
}

/** Adds an existing, active clinic admin as co-admin: they may open, suspend and resume the clinic. */
export async function addCoAdmin(
  options: OwnerCommand & { email: string },
): Promise<{ clinic: Clinic; coAdmin: { id: string; email: string } }> {
  const { central, actor } = options;
  const clinic = await findOwnedClinic({ ...options, userId: actor.id, doing: "manage co-admins" });
  const user = await central.user.findUnique({ where: { email: options.email } });
  if (user?.role !== "CLINIC_ADMIN" || user.status !== "ACTIVE") {
    throw new AppError("INVALID", "No active clinic admin signs in with this email.", {
      email: "No active clinic admin signs in with this email.",
    });
  }
  if (user.id === clinic.ownerId) {
    throw new AppError("INVALID", "You own this clinic already.", { email: "This is you, the owner." });
  }
  await central.$transaction(async (tx) => {
    const added = await tx.clinicCoAdmin.createMany({
      data: [{ clinicId: clinic.id, userId: user.id }],
      skipDuplicates: true,
    });
    if (added.count === 0) {
      throw new AppError("CONFLICT", `${user.email} is a co-admin already.`, {
        email: "Already a co-admin of this clinic.",
      });
    }
    await recordCentralAudit(tx, {
      actor,
      action: "clinic.coAdmin.add",
      target: { type: "clinic", id: clinic.id },
      details: { subdomain: clinic.subdomain, coAdminEmail: user.email },
    });
  });
  return { clinic, coAdmin: { id: user.id, email: user.email } };
}

export async function removeCoAdmin(
  options: OwnerCommand & { coAdminId: string },
): Promise<{ clinic: Clinic; coAdmin: { id: string; email: string } }> {
  const { central, actor } = options;
  const clinic = await findOwnedClinic({ ...options, userId: actor.id, doing: "manage co-admins" });
  const row = await central.clinicCoAdmin.findUnique({
    where: { clinicId_userId: { clinicId: clinic.id, userId: options.coAdminId } },
    include: { user: true },
  });
  if (!row) throw new AppError("NOT_FOUND", "This person is not a co-admin of the clinic.");
  await central.$transaction(async (tx) => {
    await tx.clinicCoAdmin.delete({
      where: { clinicId_userId: { clinicId: clinic.id, userId: row.userId } },
    });
    await recordCentralAudit(tx, {
      actor,
      action: "clinic.coAdmin.remove",
      target: { type: "clinic", id: clinic.id },
      details: { subdomain: clinic.subdomain, coAdminEmail: row.user.email },
    });
  });
  return { clinic, coAdmin: { id: row.userId, email: row.user.email } };
}
