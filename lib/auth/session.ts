import type { AccountStore, Realm } from "./account-store";
import { AUTH_POLICY } from "./policy";
import type { SessionClaims } from "./sign-in";

export type AppSession = {
  realm: Realm;
  sessionId: string;
  user: { id: string; email: string; name: string; role: string };
  mustChangePassword: boolean;
};

/** Whether a cookie's claims were issued for this realm (this host's clinic, or the platform). */
export function claimsMatchRealm(claims: SessionClaims, realm: Realm): boolean {
  if (realm.kind === "platform") return claims.realm === "platform" && claims.subdomain === null;
  return claims.realm === "clinic" && claims.subdomain === realm.subdomain;
}

/**
 * The session a cookie stands for, checked against the server-side record on every request: the
 * realm must be this host's, the session not revoked, idle under 30 minutes and younger than 12
 * hours, and the account active with the same session version ("sign out everywhere" bumps it).
 * A clinic admin's delegated session takes its role from the central database, every time.
 */
export async function resolveSession(options: {
  claims: SessionClaims | null | undefined;
  store: AccountStore;
  now?: Date;
}): Promise<AppSession | null> {
  const { claims, store } = options;
  const now = options.now ?? new Date();
  if (!claims || !claimsMatchRealm(claims, store.realm)) return null;
  const session = await store.findSession(claims.sid);
  if (!session || session.revokedAt || session.accountId !== claims.userId) return null;
  if (now.getTime() - session.lastSeenAt.getTime() > AUTH_POLICY.idleTimeoutMs) return null;
  if (now.getTime() - session.createdAt.getTime() > AUTH_POLICY.absoluteTimeoutMs) return null;
  const account = await store.findById(claims.userId);
  if (!account?.active || account.sessionVersion !== claims.sv) return null;
  const role = session.delegation ? await store.delegatedRole(session.delegation, now) : account.role;
  if (!role) {
    // The admin it stood in for lost this clinic (removed, disabled, reset, signed out): for good.
    await store.revokeSessions({ id: session.id }, now);
    return null;
  }
  if (now.getTime() - session.lastSeenAt.getTime() > AUTH_POLICY.touchIntervalMs)
    await store.touchSession(session.id, now);
  return {
    realm: store.realm,
    sessionId: session.id,
    user: { id: account.id, email: account.email, name: account.name, role },
    mustChangePassword: account.mustChangePassword,
  };
}
