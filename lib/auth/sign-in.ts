import type { CentralDb } from "../db/central";
import type { AccountStore, Realm } from "./account-store";
import { verifyPassword } from "./password";
import { AUTH_POLICY } from "./policy";
import { temporaryPasswordExpired } from "./temporary-password";
import { addressLockedUntil, recordAddressFailure } from "./throttle";

/** What the session cookie carries: enough to find the server-side session, nothing secret. */
export type SessionClaims = {
  realm: "platform" | "clinic";
  subdomain: string | null;
  userId: string;
  role: string;
  sid: string;
  sv: number;
};

export type SignInResult = { ok: true; claims: SessionClaims } | { ok: false; message: string };

export type SignInAttempt = {
  store: AccountStore;
  central: CentralDb;
  email: string;
  password: string;
  ip: string | null;
  userAgent: string | null;
  now?: Date;
};

const WRONG = "Email or password is incorrect.";

export function realmName(realm: Realm): string {
  return realm.kind === "platform" ? "platform" : `clinic:${realm.subdomain}`;
}

function lockedMessage(until: Date, now: Date): string {
  const minutes = Math.max(1, Math.ceil((until.getTime() - now.getTime()) / 60_000));
  return `Too many failed sign-ins. Try again in ${minutes} minute${minutes === 1 ? "" : "s"}.`;
}

/**
 * Checks a password sign-in, with throttling per account and per address, and on success opens a
 * server-side session. Every outcome is audited (never the password). A wrong email and a wrong
 * password get the same answer; a disabled account is only told so once its password was right.
 */
export async function signInWithPassword(attempt: SignInAttempt): Promise<SignInResult> {
  const { store, central, ip, userAgent } = attempt;
  const now = attempt.now ?? new Date();
  const email = attempt.email.trim().toLowerCase();
  const realm = realmName(store.realm);
  const auditIn = (on: AccountStore, action: string, actorId?: string) =>
    on.audit({ action, actorId, actorEmail: email, ip, userAgent });
  const audit = (action: string, actorId?: string) => auditIn(store, action, actorId);

  const addressLock = ip ? await addressLockedUntil(central, realm, ip, now) : null;
  if (addressLock) {
    await audit("sign-in.refused-address-locked");
    return { ok: false, message: lockedMessage(addressLock, now) };
  }
  const account = await store.findByEmail(email);
  if (account?.lockedUntil && account.lockedUntil > now) {
    await audit("sign-in.refused-locked", account.id);
    return { ok: false, message: lockedMessage(account.lockedUntil, now) };
  }
  if (!account || !(await verifyPassword(account.passwordHash, attempt.password))) {
    if (ip) await recordAddressFailure(central, realm, ip, now);
    if (account) {
      const failures = account.failedLoginCount + 1;
      const locks = failures >= AUTH_POLICY.accountFailures;
      const lockedUntil = locks ? new Date(now.getTime() + AUTH_POLICY.lockoutMs) : null;
      await store.transaction(async (tx) => {
        await tx.update(account.id, { failedLoginCount: locks ? 0 : failures, lockedUntil });
        await auditIn(tx, locks ? "sign-in.locked" : "sign-in.failed", account.id);
      });
      if (lockedUntil) return { ok: false, message: lockedMessage(lockedUntil, now) };
      return { ok: false, message: WRONG };
    }
    await audit("sign-in.failed");
    return { ok: false, message: WRONG };
  }
  if (!account.active) {
    await audit("sign-in.refused-disabled", account.id);
    return { ok: false, message: "This account is disabled. Ask your administrator to enable it." };
  }
  if (temporaryPasswordExpired(account, now)) {
    await audit("sign-in.refused-expired-password", account.id);
    return {
      ok: false,
      message: "This temporary password has expired. Ask an owner or manager of the clinic for a new one.",
    };
  }
  const session = await store.transaction(async (tx) => {
    await tx.update(account.id, { failedLoginCount: 0, lockedUntil: null, lastLoginAt: now });
    await auditIn(tx, "sign-in.succeeded", account.id);
    return tx.createSession({ accountId: account.id, ip, userAgent, at: now });
  });
  return { ok: true, claims: claimsFor(store.realm, account, session.id) };
}

export function claimsFor(
  realm: Realm,
  account: { id: string; role: string; sessionVersion: number },
  sid: string,
): SessionClaims {
  return {
    realm: realm.kind,
    subdomain: realm.kind === "clinic" ? realm.subdomain : null,
    userId: account.id,
    role: account.role,
    sid,
    sv: account.sessionVersion,
  };
}
