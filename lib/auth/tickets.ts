import { createHmac, timingSafeEqual } from "node:crypto";
import type { CentralDb } from "../db/central";
import { getCentralDb } from "../db/central";
import type { Prisma } from "../generated/central/client";
import type { Prisma as TenantPrisma } from "../generated/tenant/client";
import type { StaffRole } from "../generated/tenant/enums";
import { TICKET_ONLY_PASSWORD_HASH } from "../tenancy/clinic-seed";
import { withTenantDb } from "../tenancy/tenant-db";
import { type AccountStore, clinicAccountStore } from "./account-store";
import { AdminAccess } from "./admin-access";
import { AUTH_POLICY } from "./policy";
import { getAuthSecret } from "./secret";
import { claimsFor, type SignInResult } from "./sign-in";

type TenantTx = TenantPrisma.TransactionClient;

const INVALID =
  "This sign-in link has expired or was already used. Open the clinic again from the admin console.";

function sign(payload: string): string {
  return createHmac("sha256", `ticket:${getAuthSecret()}`).update(payload).digest("base64url");
}

/**
 * A one-time ticket that signs a clinic admin into one clinic, without a second password: valid
 * for a minute, for that clinic's host only, once (the row is spent atomically).
 */
export async function issueClinicTicket(options: {
  central: CentralDb | Prisma.TransactionClient;
  clinic: { id: string; subdomain: string };
  userId: string;
  /** The console session asking: the clinic session it opens lives only as long as this one. */
  authSessionId: string;
  now?: Date;
}): Promise<string> {
  const now = options.now ?? new Date();
  const row = await options.central.clinicTicket.create({
    data: {
      clinicId: options.clinic.id,
      userId: options.userId,
      authSessionId: options.authSessionId,
      expiresAt: new Date(now.getTime() + AUTH_POLICY.ticketLifetimeMs),
    },
  });
  const payload = Buffer.from(JSON.stringify({ t: row.id, c: options.clinic.subdomain })).toString(
    "base64url",
  );
  return `${payload}.${sign(payload)}`;
}

/**
 * Signs a clinic admin into the clinic of the ticket, on that clinic's host: as OWNER if they own
 * it, as MANAGER if they co-admin it (a manager cannot create, demote or lock out an owner). The
 * session is delegated: its role is derived from the central database on every request (see
 * AdminAccess), so losing the clinic centrally ends it. The central owner is authoritative: their
 * staff account, if deactivated or demoted in the clinic meanwhile, is restored (and audited).
 */
export async function redeemClinicTicket(options: {
  ticket: string;
  subdomain: string;
  ip: string | null;
  userAgent: string | null;
  central?: CentralDb;
  /** How to reach the clinic's database (tests pass their own registry's). */
  withClinicDb?: typeof withTenantDb;
  now?: Date;
}): Promise<SignInResult> {
  const central = options.central ?? getCentralDb();
  const withClinicDb = options.withClinicDb ?? withTenantDb;
  const now = options.now ?? new Date();
  const ticket = await spendTicket(central, options.ticket, options.subdomain, now);
  if (!ticket) return { ok: false, message: INVALID };
  const admin = await central.user.findUnique({ where: { id: ticket.userId } });
  if (!admin || !ticket.authSessionId) return { ok: false, message: INVALID };
  const delegation = {
    userId: admin.id,
    centralSessionId: ticket.authSessionId,
    sessionVersion: admin.sessionVersion,
  };
  const role = await new AdminAccess({ central }).roleIn(options.subdomain, delegation, now);
  if (!role) return { ok: false, message: INVALID };
  const resetBy = await findPasswordReset(central, admin.id);

  // One transaction on the clinic's client, for the account, its audit rows and the session.
  return withClinicDb(options.subdomain, (db) =>
    db.$transaction(async (tx): Promise<SignInResult> => {
      const store = clinicAccountStore(options.subdomain, tx);
      const existing = await tx.staffUser.findUnique({ where: { email: admin.email } });
      if (existing && existing.status !== "ACTIVE" && role !== "OWNER")
        return { ok: false, message: "Your staff account in this clinic is deactivated." };
      const client = { ip: options.ip, userAgent: options.userAgent };
      const staff = await upsertAdminStaff(tx, store, { admin, role, existing, client });
      const firstSinceReset =
        resetBy &&
        (await tx.auditEvent.count({
          where: { action: "sign-in.ticket", actorId: staff.id, at: { gt: resetBy.at } },
        })) === 0;
      await store.update(staff.id, { lastLoginAt: now });
      await store.audit({
        action: "sign-in.ticket",
        actorId: staff.id,
        actorEmail: staff.email,
        ...client,
        details: {
          as: role,
          ...(firstSinceReset
            ? { afterPasswordResetBy: resetBy.by, passwordResetAt: resetBy.at.toISOString() }
            : {}),
        },
      });
      const session = await store.createSession({ accountId: staff.id, ...client, at: now, delegation });
      return {
        ok: true,
        claims: claimsFor(
          store.realm,
          { id: staff.id, role, sessionVersion: staff.sessionVersion },
          session.id,
        ),
      };
    }),
  );
}

/** The ticket, spent, if it is genuine, for this clinic, unused and unexpired; else null. */
async function spendTicket(central: CentralDb, token: string, subdomain: string, now: Date) {
  const [payload, signature] = token.split(".");
  if (!payload || !signature || !safeEqual(signature, sign(payload))) return null;
  const { t: ticketId, c: ticketSubdomain } = JSON.parse(
    Buffer.from(payload, "base64url").toString("utf8"),
  ) as {
    t: string;
    c: string;
  };
  if (ticketSubdomain !== subdomain) return null;
  const ticket = await central.clinicTicket.findUnique({
    where: { id: ticketId },
    include: { clinic: true },
  });
  if (!ticket || ticket.clinic.subdomain !== subdomain || ticket.clinic.status !== "ACTIVE") return null;
  const spent = await central.clinicTicket.updateMany({
    where: { id: ticket.id, usedAt: null, expiresAt: { gt: now } },
    data: { usedAt: now },
  });
  return spent.count === 1 ? ticket : null;
}

/**
 * The admin's staff account in the clinic. A co-admin's is made as MANAGER the first time; the
 * owner's is made, or put back, as an active OWNER (audited when it had been changed).
 */
async function upsertAdminStaff(
  db: TenantTx,
  store: AccountStore,
  options: {
    admin: { email: string; name: string };
    role: StaffRole;
    existing: { id: string; role: StaffRole; status: string } | null;
    client: { ip: string | null; userAgent: string | null };
  },
) {
  const { admin, role, existing } = options;
  if (!existing)
    return db.staffUser.create({
      data: { email: admin.email, name: admin.name, role, passwordHash: TICKET_ONLY_PASSWORD_HASH },
    });
  if (role !== "OWNER" || (existing.role === "OWNER" && existing.status === "ACTIVE"))
    return db.staffUser.findUniqueOrThrow({ where: { id: existing.id } });
  const restored = await db.staffUser.update({
    where: { id: existing.id },
    data: { role: "OWNER", status: "ACTIVE" },
  });
  await store.audit({
    action: "staff.owner-restored",
    actorId: restored.id,
    actorEmail: restored.email,
    targetType: "staff",
    targetId: restored.id,
    ...options.client,
    details: { fromRole: existing.role, fromStatus: existing.status },
  });
  return restored;
}

/** The latest reset of the admin's password by a super admin (break-glass), by name and time. */
async function findPasswordReset(central: CentralDb, userId: string) {
  const event = await central.auditEvent.findFirst({
    where: { action: "clinic-admin.password-reset", targetId: userId },
    orderBy: { at: "desc" },
  });
  if (!event) return null;
  const superAdmin = event.actorId
    ? await central.user.findUnique({ where: { id: event.actorId }, select: { name: true } })
    : null;
  return { at: event.at, by: superAdmin?.name ?? event.actorEmail ?? "a super admin" };
}

function safeEqual(a: string, b: string): boolean {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && timingSafeEqual(left, right);
}
