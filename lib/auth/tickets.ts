import { createHmac, timingSafeEqual } from "node:crypto";
import type { CentralDb } from "../db/central";
import { getCentralDb } from "../db/central";
import type { Prisma } from "../generated/central/client";
import { TICKET_ONLY_PASSWORD_HASH } from "../tenancy/clinic-seed";
import { withTenantDb } from "../tenancy/tenant-db";
import { clinicAccountStore } from "./account-store";
import { AUTH_POLICY } from "./policy";
import { getAuthSecret } from "./secret";
import { claimsFor, type SignInResult } from "./sign-in";

const INVALID =
  "This sign-in link has expired or was already used. Open the clinic again from the admin console.";

function sign(payload: string): string {
  return createHmac("sha256", `ticket:${getAuthSecret()}`).update(payload).digest("base64url");
}

/**
 * A one-time ticket that signs a clinic admin into one clinic as its owner, without a second
 * password: valid for a minute, for that clinic's host only, once (the row is spent atomically).
 */
export async function issueClinicTicket(options: {
  central: CentralDb | Prisma.TransactionClient;
  clinic: { id: string; subdomain: string };
  userId: string;
  now?: Date;
}): Promise<string> {
  const now = options.now ?? new Date();
  const row = await options.central.clinicTicket.create({
    data: {
      clinicId: options.clinic.id,
      userId: options.userId,
      expiresAt: new Date(now.getTime() + AUTH_POLICY.ticketLifetimeMs),
    },
  });
  const payload = Buffer.from(JSON.stringify({ t: row.id, c: options.clinic.subdomain })).toString(
    "base64url",
  );
  return `${payload}.${sign(payload)}`;
}

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
  const [payload, signature] = options.ticket.split(".");
  if (!payload || !signature || !safeEqual(signature, sign(payload))) return { ok: false, message: INVALID };
  const { t: ticketId, c: subdomain } = JSON.parse(Buffer.from(payload, "base64url").toString("utf8")) as {
    t: string;
    c: string;
  };
  if (subdomain !== options.subdomain) return { ok: false, message: INVALID };

  const ticket = await central.clinicTicket.findUnique({
    where: { id: ticketId },
    include: { clinic: true },
  });
  if (!ticket || ticket.clinic.subdomain !== options.subdomain || ticket.clinic.status !== "ACTIVE")
    return { ok: false, message: INVALID };
  const spent = await central.clinicTicket.updateMany({
    where: { id: ticket.id, usedAt: null, expiresAt: { gt: now } },
    data: { usedAt: now },
  });
  if (spent.count !== 1) return { ok: false, message: INVALID };
  const admin = await central.user.findUnique({ where: { id: ticket.userId } });
  const isAdminOfClinic =
    ticket.clinic.ownerId === ticket.userId ||
    (await central.clinicCoAdmin.count({ where: { clinicId: ticket.clinicId, userId: ticket.userId } })) > 0;
  if (admin?.status !== "ACTIVE" || !isAdminOfClinic) return { ok: false, message: INVALID };

  return withClinicDb(options.subdomain, async (db) => {
    const store = clinicAccountStore(options.subdomain, db);
    const staff = await db.staffUser.upsert({
      where: { email: admin.email },
      create: {
        email: admin.email,
        name: admin.name,
        role: "OWNER",
        passwordHash: TICKET_ONLY_PASSWORD_HASH,
      },
      update: {},
    });
    if (staff.status !== "ACTIVE")
      return { ok: false, message: "Your staff account in this clinic is deactivated." };
    const session = await store.transaction(async (tx) => {
      await tx.update(staff.id, { lastLoginAt: now });
      await tx.audit({
        action: "sign-in.ticket",
        actorId: staff.id,
        actorEmail: staff.email,
        ip: options.ip,
        userAgent: options.userAgent,
      });
      return tx.createSession({ accountId: staff.id, ip: options.ip, userAgent: options.userAgent, at: now });
    });
    return {
      ok: true,
      claims: claimsFor(
        store.realm,
        { id: staff.id, role: staff.role, sessionVersion: staff.sessionVersion },
        session.id,
      ),
    };
  });
}

function safeEqual(a: string, b: string): boolean {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && timingSafeEqual(left, right);
}
