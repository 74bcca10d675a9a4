import { createHash } from "node:crypto";
import type { CentralDb } from "../db/central";
import type { Prisma } from "../generated/central/client";
import type { Realm } from "../routing/host";
import { AUTH_POLICY } from "./policy";

/** The central database or one of its transactions: the counters live in `sign_in_throttles`. */
type ThrottleDb = CentralDb | Prisma.TransactionClient;

type Rule = { failures: number; windowMs: number };

const ADDRESS_RULE: Rule = { failures: AUTH_POLICY.addressFailures, windowMs: AUTH_POLICY.addressWindowMs };
const ACCOUNT_RULE: Rule = { failures: AUTH_POLICY.accountFailures, windowMs: AUTH_POLICY.accountWindowMs };

/** How an email is compared everywhere: "Ann@X.test " and "ann@x.test" are one account. */
export function normaliseEmail(email: string): string {
  return email.trim().toLowerCase();
}

// Addresses and emails are hashed: the table needs to tell them apart, not to know them.
const digest = (text: string) => createHash("sha256").update(text).digest("base64url");
const realmName = (realm: Realm) => (realm.kind === "platform" ? "platform" : `clinic:${realm.subdomain}`);
const addressKey = (realm: Realm, ip: string) => `address:${realmName(realm)}:${digest(ip)}`;
// Keyed by the email, not an account id, so an email without an account is locked out the same way.
const accountKey = (realm: Realm, email: string) =>
  `account:${realmName(realm)}:${digest(normaliseEmail(email))}`;

async function lockedUntil(db: ThrottleDb, key: string, now: Date): Promise<Date | null> {
  const row = await db.signInThrottle.findUnique({ where: { key } });
  return row?.lockedUntil && row.lockedUntil > now ? row.lockedUntil : null;
}

/**
 * Counts one failure in one statement (parallel tries cannot lose counts); the one that reaches
 * the rule's limit within its window locks the key for the lockout period. Returns that lock.
 */
async function recordFailure(db: ThrottleDb, key: string, rule: Rule, now: Date): Promise<Date | null> {
  const windowStart = new Date(now.getTime() - rule.windowMs);
  const lockUntil = new Date(now.getTime() + AUTH_POLICY.lockoutMs);
  const rows = await db.$queryRaw<{ locked_until: Date | null }[]>`
    INSERT INTO sign_in_throttles AS t (key, failures, window_started_at, locked_until)
    VALUES (${key}, 1, ${now}::timestamptz, CASE WHEN ${rule.failures}::int <= 1 THEN ${lockUntil}::timestamptz END)
    ON CONFLICT (key) DO UPDATE SET
      failures = CASE WHEN t.window_started_at > ${windowStart}::timestamptz THEN t.failures + 1 ELSE 1 END,
      window_started_at = CASE WHEN t.window_started_at > ${windowStart}::timestamptz
        THEN t.window_started_at ELSE ${now}::timestamptz END,
      locked_until = CASE WHEN t.window_started_at > ${windowStart}::timestamptz
        AND t.failures + 1 >= ${rule.failures}::int THEN ${lockUntil}::timestamptz END
    RETURNING locked_until`;
  return rows[0]?.locked_until ?? null;
}

/** The time until which sign-ins from this address are refused, if they are. */
export function addressLockedUntil(db: ThrottleDb, realm: Realm, ip: string, now = new Date()) {
  return lockedUntil(db, addressKey(realm, ip), now);
}

/** Counts a failed sign-in from an address; past the limit within the window, locks it. */
export function recordAddressFailure(db: ThrottleDb, realm: Realm, ip: string, now = new Date()) {
  return recordFailure(db, addressKey(realm, ip), ADDRESS_RULE, now);
}

/** The time until which this email is locked out of the realm, whether or not it has an account. */
export function accountLockedUntil(db: ThrottleDb, realm: Realm, email: string, now = new Date()) {
  return lockedUntil(db, accountKey(realm, email), now);
}

/** Counts a wrong password for this email (sign-in or password change); returns the lock it causes. */
export function recordAccountFailure(db: ThrottleDb, realm: Realm, email: string, now = new Date()) {
  return recordFailure(db, accountKey(realm, email), ACCOUNT_RULE, now);
}

/** After a right password or a reset by an administrator: the count starts again, any lockout ends. */
export async function clearAccountFailures(db: ThrottleDb, realm: Realm, email: string): Promise<void> {
  await db.signInThrottle.deleteMany({ where: { key: accountKey(realm, email) } });
}

/** Which of these emails are locked out of the realm right now (for the admins' list). */
export async function findLockedEmails(
  db: ThrottleDb,
  realm: Realm,
  emails: string[],
  now = new Date(),
): Promise<Set<string>> {
  const byKey = new Map(emails.map((email) => [accountKey(realm, email), email]));
  const rows = await db.signInThrottle.findMany({
    where: { key: { in: [...byKey.keys()] }, lockedUntil: { gt: now } },
    select: { key: true },
  });
  return new Set(rows.map((row) => byKey.get(row.key) as string));
}
