import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { cache } from "react";
import { auth } from "./auth";
import { withRealmStore } from "./realm-store";
import { realmOf } from "./request-context";
import { type AppSession, resolveSession } from "./session";
import type { SessionClaims } from "./sign-in";

/** The claims of this request's session cookie, not yet checked against anything. */
export async function readSessionClaims(): Promise<SessionClaims | undefined> {
  const session = (await auth()) as { claims?: SessionClaims } | null;
  return session?.claims;
}

/**
 * The signed-in person of this request, checked for this host's realm, or null. Cached per
 * request: a layout and its page render in parallel and both ask.
 */
export const getCurrentSession = cache(async (): Promise<AppSession | null> => {
  const realm = realmOf(await headers());
  const claims = await readSessionClaims();
  if (!claims || !realm) return null;
  return withRealmStore(realm, (store) => resolveSession({ claims, store }));
});

/** For pages: the session, or off to this host's sign-in page (and to the password change first if due). */
export async function requirePageSession(
  options: { allowPasswordChange?: boolean } = {},
): Promise<AppSession> {
  const session = await getCurrentSession();
  if (!session) redirect("/login");
  if (session.mustChangePassword && !options.allowPasswordChange) redirect("/account/password");
  return session;
}
