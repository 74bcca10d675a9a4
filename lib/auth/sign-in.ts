import type { CentralDb } from "../db/central";
import type { AccountStore, Realm } from "./account-store";
import { verifyPassword } from "./password";
import { temporaryPasswordExpired } from "./temporary-password";
import {
  accountLockedUntil,
  addressLockedUntil,
  clearAccountFailures,
  normaliseEmail,
  recordAccountFailure,
  recordAddressFailure,
} from "./throttle";

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

/** "Too many failed sign-ins. Try again in 15 minutes." (`what` names the failed thing). */
export function lockedMessage(until: Date, now: Date, what = "failed sign-ins"): string {
  const minutes = Math.max(1, Math.ceil((until.getTime() - now.getTime()) / 60_000));
  return `Too many ${what}. Try again in ${minutes} minute${minutes === 1 ? "" : "s"}.`;
}

/**
 * Checks a password sign-in, with throttling per email and per address, and on success opens a
 * server-side session. Every outcome is audited (never the password). An email without an account
 * is answered exactly like one with a wrong password: the same hash work, the same message, the
 * same lockout after five tries. A disabled account is only told so once its password was right.
 */
export async function signInWithPassword(attempt: SignInAttempt): Promise<SignInResult> {
  const { store, central, ip, userAgent } = attempt;
  const now = attempt.now ?? new Date();
  const email = normaliseEmail(attempt.email);
  const { realm } = store;
  const audit = (action: string, actorId?: string) =>
    store.audit({ action, actorId, actorEmail: email, ip, userAgent });

  const addressLock = ip ? await addressLockedUntil(central, realm, ip, now) : null;
  if (addressLock) {
    await audit("sign-in.refused-address-locked");
    return { ok: false, message: lockedMessage(addressLock, now) };
  }
  const account = await store.findByEmail(email);
  const accountLock = await accountLockedUntil(central, realm, email, now);
  if (accountLock) {
    await audit("sign-in.refused-locked", account?.id);
    return { ok: false, message: lockedMessage(accountLock, now) };
  }
  if (!(await verifyPassword(account?.passwordHash ?? null, attempt.password)) || !account) {
    if (ip) await recordAddressFailure(central, realm, ip, now);
    const lockedUntil = await recordAccountFailure(central, realm, email, now);
    await audit(lockedUntil ? "sign-in.locked" : "sign-in.failed", account?.id);
    return { ok: false, message: lockedUntil ? lockedMessage(lockedUntil, now) : WRONG };
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
  await clearAccountFailures(central, realm, email);
  const session = await store.transaction(async (tx) => {
    await tx.update(account.id, { lastLoginAt: now });
    await tx.audit({ action: "sign-in.succeeded", actorId: account.id, actorEmail: email, ip, userAgent });
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
