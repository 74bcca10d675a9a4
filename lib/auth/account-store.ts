import type { CentralDb } from "../db/central";
import type { Prisma as CentralPrisma } from "../generated/central/client";
import type { Prisma as TenantPrisma } from "../generated/tenant/client";
import type { Realm } from "../routing/host";
import type { TenantDb } from "../tenancy/registry";
import { type Delegation, getAdminAccess } from "./admin-access";

/** Where an account lives: the platform (central database) or one clinic (its own database). */
export type { Realm } from "../routing/host";

export type Account = {
  id: string;
  email: string;
  name: string;
  role: string;
  active: boolean;
  passwordHash: string;
  sessionVersion: number;
  mustChangePassword: boolean;
  /** A clinic's temporary password stops working at this time if still unchanged. */
  temporaryPasswordExpiresAt?: Date | null;
};

export type StoredSession = {
  id: string;
  accountId: string;
  createdAt: Date;
  lastSeenAt: Date;
  revokedAt: Date | null;
  /** A clinic admin's session opened by "Open clinic": its role is re-derived on every request. */
  delegation?: Delegation;
};

export type AuditInput = {
  actorId?: string | null;
  actorEmail?: string | null;
  action: string;
  targetType?: string;
  targetId?: string;
  ip?: string | null;
  userAgent?: string | null;
  details?: Record<string, string | number | boolean | null>;
};

/** The same account operations over the central database and over a clinic's database. */
export type AccountStore = {
  realm: Realm;
  findByEmail(email: string): Promise<Account | null>;
  findById(id: string): Promise<Account | null>;
  update(
    id: string,
    data: Partial<Pick<Account, "passwordHash" | "mustChangePassword">> & {
      lastLoginAt?: Date;
      bumpSessionVersion?: boolean;
    },
  ): Promise<void>;
  createSession(data: {
    accountId: string;
    ip: string | null;
    userAgent: string | null;
    at: Date;
    delegation?: Delegation;
  }): Promise<StoredSession>;
  findSession(id: string): Promise<StoredSession | null>;
  touchSession(id: string, at: Date): Promise<void>;
  revokeSessions(where: { id?: string; accountId?: string }, at: Date): Promise<void>;
  audit(event: AuditInput): Promise<void>;
  /** The role a delegated session has right now (null: it has ended); see AdminAccess. */
  delegatedRole(delegation: Delegation, now: Date): Promise<string | null>;
  /** Runs `work` with this store on one transaction: a change and its audit row land together or not at all. */
  transaction<T>(work: (store: AccountStore) => Promise<T>): Promise<T>;
};

const sessionUpdate = (bump?: boolean) => (bump ? { sessionVersion: { increment: 1 } } : {});

type CentralTx = CentralPrisma.TransactionClient;
type TenantTx = TenantPrisma.TransactionClient;

export function platformAccountStore(central: CentralDb | CentralTx): AccountStore {
  const toAccount = (user: Awaited<ReturnType<CentralTx["user"]["findUnique"]>>): Account | null =>
    user && { ...user, role: user.role, active: user.status === "ACTIVE" };
  return {
    realm: { kind: "platform" },
    findByEmail: async (email) => toAccount(await central.user.findUnique({ where: { email } })),
    findById: async (id) => toAccount(await central.user.findUnique({ where: { id } })),
    update: async (id, { bumpSessionVersion, ...data }) => {
      await central.user.update({ where: { id }, data: { ...data, ...sessionUpdate(bumpSessionVersion) } });
    },
    createSession: async ({ accountId, ip, userAgent, at }) =>
      toStored(
        await central.authSession.create({
          data: { userId: accountId, ip, userAgent, createdAt: at, lastSeenAt: at },
        }),
      ),
    findSession: async (id) => {
      const row = await central.authSession.findUnique({ where: { id } });
      return row && toStored(row);
    },
    touchSession: async (id, at) => {
      await central.authSession.update({ where: { id }, data: { lastSeenAt: at } });
    },
    revokeSessions: async ({ id, accountId }, at) => {
      await central.authSession.updateMany({
        where: { id, userId: accountId, revokedAt: null },
        data: { revokedAt: at },
      });
    },
    audit: async (event) => {
      await central.auditEvent.create({ data: event as CentralPrisma.AuditEventUncheckedCreateInput });
    },
    // Platform sessions are never delegated.
    delegatedRole: async () => null,
    transaction: (work) =>
      "$transaction" in central
        ? central.$transaction((tx) => work(platformAccountStore(tx)))
        : work(platformAccountStore(central)),
  };
}

export function clinicAccountStore(subdomain: string, db: TenantDb | TenantTx): AccountStore {
  const toAccount = (staff: Awaited<ReturnType<TenantTx["staffUser"]["findUnique"]>>): Account | null =>
    staff && { ...staff, role: staff.role, active: staff.status === "ACTIVE" };
  return {
    realm: { kind: "clinic", subdomain },
    findByEmail: async (email) => toAccount(await db.staffUser.findUnique({ where: { email } })),
    findById: async (id) => toAccount(await db.staffUser.findUnique({ where: { id } })),
    update: async (id, { bumpSessionVersion, ...data }) => {
      await db.staffUser.update({ where: { id }, data: { ...data, ...sessionUpdate(bumpSessionVersion) } });
    },
    createSession: async ({ accountId, ip, userAgent, at, delegation }) =>
      toStoredStaff(
        await db.staffSession.create({
          data: {
            staffId: accountId,
            ip,
            userAgent,
            createdAt: at,
            lastSeenAt: at,
            delegatedByUserId: delegation?.userId,
            centralSessionId: delegation?.centralSessionId,
            centralSessionVersion: delegation?.sessionVersion,
          },
        }),
      ),
    findSession: async (id) => {
      const row = await db.staffSession.findUnique({ where: { id } });
      return row && toStoredStaff(row);
    },
    touchSession: async (id, at) => {
      await db.staffSession.update({ where: { id }, data: { lastSeenAt: at } });
    },
    revokeSessions: async ({ id, accountId }, at) => {
      await db.staffSession.updateMany({
        where: { id, staffId: accountId, revokedAt: null },
        data: { revokedAt: at },
      });
    },
    audit: async (event) => {
      await db.auditEvent.create({ data: event as TenantPrisma.AuditEventUncheckedCreateInput });
    },
    delegatedRole: (delegation, now) => getAdminAccess().roleIn(subdomain, delegation, now),
    transaction: (work) =>
      "$transaction" in db
        ? db.$transaction((tx) => work(clinicAccountStore(subdomain, tx)))
        : work(clinicAccountStore(subdomain, db)),
  };
}

function toStored(row: {
  id: string;
  userId: string;
  createdAt: Date;
  lastSeenAt: Date;
  revokedAt: Date | null;
}) {
  return {
    id: row.id,
    accountId: row.userId,
    createdAt: row.createdAt,
    lastSeenAt: row.lastSeenAt,
    revokedAt: row.revokedAt,
  };
}

function toStoredStaff(row: {
  id: string;
  staffId: string;
  createdAt: Date;
  lastSeenAt: Date;
  revokedAt: Date | null;
  delegatedByUserId: string | null;
  centralSessionId: string | null;
  centralSessionVersion: number | null;
}): StoredSession {
  const { delegatedByUserId: userId, centralSessionId, centralSessionVersion: sessionVersion } = row;
  const delegation =
    userId && centralSessionId && sessionVersion !== null
      ? { userId, centralSessionId, sessionVersion }
      : null;
  return {
    id: row.id,
    accountId: row.staffId,
    createdAt: row.createdAt,
    lastSeenAt: row.lastSeenAt,
    revokedAt: row.revokedAt,
    ...(delegation ? { delegation } : {}),
  };
}
