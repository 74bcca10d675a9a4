import type { Actor } from "@/lib/auth/actor";
import { hashPassword } from "@/lib/auth/password";
import { generateTemporaryPassword, TEMPORARY_PASSWORD_TTL_MS } from "@/lib/auth/temporary-password";
import { AppError } from "@/lib/errors";
import { Prisma } from "@/lib/generated/tenant/client";
import type { StaffRole } from "@/lib/generated/tenant/enums";
import { TICKET_ONLY_PASSWORD_HASH } from "@/lib/tenancy/clinic-seed";
import type { TenantDb } from "@/lib/tenancy/tenant-db";
import type { CreateStaffMemberInput } from "@/lib/validations/staff";
import { recordAuditEvent } from "./audit";

/** The person changing staff accounts: their role decides what they may do to whom. */
export type StaffActor = Actor & { role: StaffRole };

export const staffRow = {
  id: true,
  name: true,
  email: true,
  role: true,
  status: true,
  mustChangePassword: true,
  lastLoginAt: true,
} as const;

export type StaffMember = Prisma.StaffUserGetPayload<{ select: typeof staffRow }>;

export type TenantTx = Prisma.TransactionClient;

/** The clinic's staff; `ticketOnly`: signs in only through the admin console (no password here). */
export async function findStaffMembers(options: {
  db: TenantDb;
}): Promise<(StaffMember & { ticketOnly: boolean })[]> {
  const rows = await options.db.staffUser.findMany({
    select: { ...staffRow, passwordHash: true },
    orderBy: [{ status: "asc" }, { name: "asc" }],
  });
  return rows.map(({ passwordHash, ...member }) => ({
    ...member,
    ticketOnly: passwordHash === TICKET_ONLY_PASSWORD_HASH,
  }));
}

/** Whether the person signs in only through the admin console's ticket (so has no password to change). */
export async function signsInByTicketOnly(options: { db: TenantDb; staffId: string }): Promise<boolean> {
  const staff = await options.db.staffUser.findUnique({
    where: { id: options.staffId },
    select: { passwordHash: true },
  });
  return staff?.passwordHash === TICKET_ONLY_PASSWORD_HASH;
}

const ownerOnly = () =>
  new AppError(
    "FORBIDDEN",
    "Only an owner can add owners, make someone an owner or change an owner's account.",
  );

/**
 * Adds a staff account with a temporary password, returned once for the person who adds it; the
 * new member must change it at first sign-in. Only owners may add owners.
 */
export async function createStaffMember(options: {
  db: TenantDb;
  actor: StaffActor;
  input: CreateStaffMemberInput;
}): Promise<{ staff: StaffMember; temporaryPassword: string }> {
  const { db, actor, input } = options;
  if (input.role === "OWNER" && actor.role !== "OWNER") throw ownerOnly();
  const taken = () =>
    new AppError("CONFLICT", "Someone in this clinic already uses this email.", {
      email: "Someone in this clinic already uses this email.",
    });
  if (await db.staffUser.findUnique({ where: { email: input.email }, select: { id: true } })) throw taken();
  const temporaryPassword = generateTemporaryPassword();
  const passwordHash = await hashPassword(temporaryPassword);
  try {
    return await db.$transaction(async (tx) => {
      const staff = await tx.staffUser.create({
        data: {
          ...input,
          passwordHash,
          mustChangePassword: true,
          temporaryPasswordExpiresAt: new Date(Date.now() + TEMPORARY_PASSWORD_TTL_MS),
        },
        select: staffRow,
      });
      await recordAuditEvent(tx, {
        actor,
        action: "staff.created",
        targetType: "staff",
        targetId: staff.id,
        details: { email: staff.email, role: staff.role },
      });
      return { staff, temporaryPassword };
    });
  } catch (error) {
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") throw taken();
    throw error;
  }
}

/**
 * Runs a change to another member's account in one transaction, with the clinic's active owners
 * locked first: two owners demoting each other at once cannot leave the clinic without one.
 */
export async function changeStaffAccount(options: {
  db: TenantDb;
  actor: StaffActor;
  staffId: string;
  /** The role the change gives the member, if it gives one. */
  newRole?: StaffRole;
  refuseSelf: string;
  change: (context: { tx: TenantTx; target: StaffMember; lastActiveOwner: boolean }) => Promise<StaffMember>;
}): Promise<StaffMember> {
  const { db, actor, staffId, newRole } = options;
  return db.$transaction(async (tx) => {
    const owners = await tx.$queryRaw<{ id: string }[]>`
      SELECT id::text FROM staff_users WHERE role = 'OWNER' AND status = 'ACTIVE' ORDER BY id FOR UPDATE`;
    const target = await tx.staffUser.findUnique({ where: { id: staffId }, select: staffRow });
    if (!target) throw new AppError("NOT_FOUND", "This staff member no longer exists.");
    if (target.id === actor.id) throw new AppError("FORBIDDEN", options.refuseSelf);
    if (actor.role !== "OWNER" && (target.role === "OWNER" || newRole === "OWNER")) throw ownerOnly();
    const lastActiveOwner = owners.length === 1 && owners[0]?.id === target.id;
    return options.change({ tx, target, lastActiveOwner });
  });
}

/** Ends every open session of a member at once; how many there were goes into the audit row. */
export async function endSessions(tx: TenantTx, staffId: string, now: Date): Promise<number> {
  const { count } = await tx.staffSession.updateMany({
    where: { staffId, revokedAt: null },
    data: { revokedAt: now },
  });
  return count;
}

const lastOwnerError = (name: string, doing: string) =>
  new AppError(
    "CONFLICT",
    `${name} is the clinic's last active owner and cannot be ${doing}. Make someone else an owner first.`,
  );

export function changeStaffRole(options: {
  db: TenantDb;
  actor: StaffActor;
  staffId: string;
  role: StaffRole;
}): Promise<StaffMember> {
  const { actor, role } = options;
  return changeStaffAccount({
    ...options,
    newRole: role,
    refuseSelf: "You cannot change your own role. Ask another owner.",
    change: async ({ tx, target, lastActiveOwner }) => {
      if (target.role === role) return target;
      if (lastActiveOwner) throw lastOwnerError(target.name, "given another role");
      const staff = await tx.staffUser.update({ where: { id: target.id }, data: { role }, select: staffRow });
      await recordAuditEvent(tx, {
        actor,
        action: "staff.role-changed",
        targetType: "staff",
        targetId: target.id,
        details: { email: target.email, from: target.role, to: role },
      });
      return staff;
    },
  });
}

/** Deactivates an account and ends every session it has, at once. */
export function deactivateStaffMember(options: {
  db: TenantDb;
  actor: StaffActor;
  staffId: string;
}): Promise<StaffMember> {
  const { actor } = options;
  return changeStaffAccount({
    ...options,
    refuseSelf: "You cannot deactivate your own account.",
    change: async ({ tx, target, lastActiveOwner }) => {
      if (target.status === "DEACTIVATED") return target;
      if (lastActiveOwner) throw lastOwnerError(target.name, "deactivated");
      const staff = await tx.staffUser.update({
        where: { id: target.id },
        data: { status: "DEACTIVATED", sessionVersion: { increment: 1 } },
        select: staffRow,
      });
      const count = await endSessions(tx, target.id, new Date());
      await recordAuditEvent(tx, {
        actor,
        action: "staff.deactivated",
        targetType: "staff",
        targetId: target.id,
        details: { email: target.email, sessionsEnded: count },
      });
      return staff;
    },
  });
}

/** Lets a deactivated member sign in again (with the password they had). */
export function reactivateStaffMember(options: {
  db: TenantDb;
  actor: StaffActor;
  staffId: string;
}): Promise<StaffMember> {
  const { actor } = options;
  return changeStaffAccount({
    ...options,
    refuseSelf: "You cannot reactivate your own account.",
    change: async ({ tx, target }) => {
      if (target.status === "ACTIVE") return target;
      const staff = await tx.staffUser.update({
        where: { id: target.id },
        data: { status: "ACTIVE" },
        select: staffRow,
      });
      await recordAuditEvent(tx, {
        actor,
        action: "staff.reactivated",
        targetType: "staff",
        targetId: target.id,
        details: { email: target.email },
      });
      return staff;
    },
  });
}
