import { hashPassword } from "@/lib/auth/password";
import { generateTemporaryPassword, TEMPORARY_PASSWORD_TTL_MS } from "@/lib/auth/temporary-password";
import { clearAccountFailures } from "@/lib/auth/throttle";
import type { CentralDb } from "@/lib/db/central";
import { AppError } from "@/lib/errors";
import { TICKET_ONLY_PASSWORD_HASH } from "@/lib/tenancy/clinic-seed";
import type { TenantDb } from "@/lib/tenancy/tenant-db";
import { recordAuditEvent } from "./audit";
import { changeStaffAccount, endSessions, type StaffActor, type StaffMember, staffRow } from "./staff";

/** Resets a member can do per hour: enough for a morning of forgotten passwords, not for a sweep. */
export const PASSWORD_RESETS_PER_HOUR = 10;

/**
 * A new temporary password for a member, shown once to the one who resets it: it expires unless
 * changed at the member's next sign-in, and every session they have ends at once. Owners reset
 * anyone's; managers everyone's but owners' and managers'. Nobody gives a password to an account
 * that signs in only through the admin console (that would be a local login the platform cannot end).
 */
export async function resetStaffPassword(options: {
  db: TenantDb;
  /** Where the sign-in lockout counters live: a reset also ends a lockout. */
  central: CentralDb;
  subdomain: string;
  actor: StaffActor;
  staffId: string;
  now?: Date;
}): Promise<{ staff: StaffMember; temporaryPassword: string; expiresAt: Date }> {
  const { actor } = options;
  const now = options.now ?? new Date();
  const temporaryPassword = generateTemporaryPassword();
  const passwordHash = await hashPassword(temporaryPassword);
  const expiresAt = new Date(now.getTime() + TEMPORARY_PASSWORD_TTL_MS);
  const staff = await changeStaffAccount({
    ...options,
    refuseSelf: "To change your own password, use “Change password” in your menu.",
    change: async ({ tx, target }) => {
      if (actor.role !== "OWNER" && target.role === "MANAGER")
        throw new AppError("FORBIDDEN", "Only an owner can reset a manager's password.");
      const { passwordHash: current } = await tx.staffUser.findUniqueOrThrow({
        where: { id: target.id },
        select: { passwordHash: true },
      });
      if (current === TICKET_ONLY_PASSWORD_HASH)
        throw new AppError(
          "FORBIDDEN",
          `${target.name} signs in only through the clinic admin console ("Open clinic") and has no password here to reset.`,
        );
      if (target.status !== "ACTIVE")
        throw new AppError("CONFLICT", `${target.name}'s account is deactivated. Reactivate it first.`);
      const recent = await tx.auditEvent.count({
        where: {
          actorId: actor.id,
          action: "staff.password-reset",
          at: { gt: new Date(now.getTime() - 3_600_000) },
        },
      });
      if (recent >= PASSWORD_RESETS_PER_HOUR)
        throw new AppError(
          "CONFLICT",
          `You have reset ${PASSWORD_RESETS_PER_HOUR} passwords in the last hour, the most allowed. Try again later, or ask an owner.`,
        );
      const updated = await tx.staffUser.update({
        where: { id: target.id },
        data: {
          passwordHash,
          mustChangePassword: true,
          temporaryPasswordExpiresAt: expiresAt,
          sessionVersion: { increment: 1 },
        },
        select: staffRow,
      });
      const count = await endSessions(tx, target.id, now);
      await recordAuditEvent(tx, {
        actor,
        action: "staff.password-reset",
        targetType: "staff",
        targetId: target.id,
        details: { email: target.email, sessionsEnded: count, expiresAt: expiresAt.toISOString() },
      });
      return updated;
    },
  });
  await clearAccountFailures(options.central, { kind: "clinic", subdomain: options.subdomain }, staff.email);
  return { staff, temporaryPassword, expiresAt };
}
