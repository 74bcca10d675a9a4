import type { Actor } from "../auth/actor";
import { hashPassword } from "../auth/password";
import { generateTemporaryPassword } from "../auth/temporary-password";
import { clearAccountFailures, findLockedEmails } from "../auth/throttle";
import type { CentralDb } from "../db/central";
import { recordCentralAudit } from "../db/central-audit";
import { AppError } from "../errors";
import { Prisma } from "../generated/central/client";

/** Every clinic admin with the number of clinics they own (deleted ones left out). */
export async function findClinicAdmins(options: { central: CentralDb }) {
  const admins = await options.central.user.findMany({
    where: { role: "CLINIC_ADMIN" },
    orderBy: { email: "asc" },
    select: {
      id: true,
      name: true,
      email: true,
      status: true,
      lastLoginAt: true,
      mustChangePassword: true,
      _count: { select: { ownedClinics: { where: { status: { not: "DELETED" } } } } },
    },
  });
  const locked = await findLockedEmails(
    options.central,
    { kind: "platform" },
    admins.map((admin) => admin.email),
  );
  return admins.map(({ _count, ...admin }) => ({
    ...admin,
    locked: locked.has(admin.email),
    clinicsOwned: _count.ownedClinics,
  }));
}

/** A new clinic admin with a temporary password, returned once and never stored in clear. */
export async function createClinicAdmin(options: {
  actor: Actor;
  central: CentralDb;
  name: string;
  email: string;
}): Promise<{ id: string; email: string; temporaryPassword: string }> {
  const { central, name, email } = options;
  const temporaryPassword = generateTemporaryPassword();
  const passwordHash = await hashPassword(temporaryPassword);
  try {
    const admin = await central.$transaction(async (tx) => {
      const created = await tx.user.create({
        data: { name, email, role: "CLINIC_ADMIN", passwordHash, mustChangePassword: true },
      });
      await recordCentralAudit(tx, {
        actor: options.actor,
        action: "clinic-admin.created",
        target: { type: "user", id: created.id },
        details: { email },
      });
      return created;
    });
    return { id: admin.id, email: admin.email, temporaryPassword };
  } catch (error) {
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") {
      throw new AppError("CONFLICT", "An account with this email already exists.", {
        email: "Already in use.",
      });
    }
    throw error;
  }
}

/**
 * Disabling signs the admin out everywhere at once: the session version moves on (every cookie
 * stops matching) and every server-side session is revoked. Enabling lets them sign in again.
 */
export async function setClinicAdminStatus(options: {
  actor: Actor;
  central: CentralDb;
  userId: string;
  status: "ACTIVE" | "DISABLED";
}): Promise<void> {
  const { central, userId, status } = options;
  const admin = await findClinicAdmin(central, userId);
  if (admin.status === status) return;
  const disabling = status === "DISABLED";
  const now = new Date();
  await central.$transaction(async (tx) => {
    await tx.user.update({
      where: { id: userId },
      data: { status, ...(disabling ? { sessionVersion: { increment: 1 } } : {}) },
    });
    if (disabling)
      await tx.authSession.updateMany({ where: { userId, revokedAt: null }, data: { revokedAt: now } });
    await recordCentralAudit(tx, {
      actor: options.actor,
      action: disabling ? "clinic-admin.disabled" : "clinic-admin.enabled",
      target: { type: "user", id: userId },
      details: { email: admin.email },
    });
  });
}

/** A new temporary password (shown once), to be changed at next sign-in; every session ends, any lockout too. */
export async function resetClinicAdminPassword(options: {
  actor: Actor;
  central: CentralDb;
  userId: string;
}): Promise<{ email: string; temporaryPassword: string }> {
  const { central, userId } = options;
  const admin = await findClinicAdmin(central, userId);
  const temporaryPassword = generateTemporaryPassword();
  const passwordHash = await hashPassword(temporaryPassword);
  await central.$transaction(async (tx) => {
    await tx.user.update({
      where: { id: userId },
      data: {
        passwordHash,
        mustChangePassword: true,
        sessionVersion: { increment: 1 },
      },
    });
    await clearAccountFailures(tx, { kind: "platform" }, admin.email);
    await tx.authSession.updateMany({ where: { userId, revokedAt: null }, data: { revokedAt: new Date() } });
    await recordCentralAudit(tx, {
      actor: options.actor,
      action: "clinic-admin.password-reset",
      target: { type: "user", id: userId },
      details: { email: admin.email },
    });
  });
  return { email: admin.email, temporaryPassword };
}

// Super admins are not managed from here: only clinic admins can be found through these actions.
async function findClinicAdmin(central: CentralDb, userId: string) {
  const admin = await central.user.findUnique({ where: { id: userId } });
  if (admin?.role !== "CLINIC_ADMIN") throw new AppError("NOT_FOUND", "There is no such clinic admin.");
  return admin;
}
