import NextAuth, { CredentialsSignin } from "next-auth";
import Credentials from "next-auth/providers/credentials";
import { z } from "zod";
import { getRootDomain, rootProtocol } from "../config/root-domain";
import { getCentralDb } from "../db/central";
import { withRealmStore } from "./realm-store";
import { clientOf, realmOf } from "./request-context";
import { getAuthSecret } from "./secret";
import { type SessionClaims, type SignInResult, signInWithPassword } from "./sign-in";
import { redeemClinicTicket } from "./tickets";

/** A refused sign-in; its code is the sentence shown to the person. */
class SignInRefused extends CredentialsSignin {
  constructor(message: string) {
    super(message);
    this.code = message;
  }
}

const passwordInput = z.object({
  email: z.string().trim().min(1).max(200),
  password: z.string().min(1).max(200),
});
const ticketInput = z.object({ ticket: z.string().min(20).max(400) });

function accept(result: SignInResult) {
  if (!result.ok) throw new SignInRefused(result.message);
  return { id: result.claims.userId, claims: result.claims };
}

/**
 * Auth.js with two credential providers, each answering for the host it is called on: the root
 * host signs in platform users from the central database, a clinic host its staff from the
 * clinic's own database. Cookies are host-only (no shared domain), so a clinic's session cookie is
 * never even sent to another clinic; resolveSession re-checks the realm anyway. No route mounts
 * `handlers`: tests ask them which cookies Auth.js sets.
 */
export const { auth, handlers, signIn, signOut } = NextAuth(() => ({
  secret: getAuthSecret(),
  trustHost: true,
  // With trustHost, Auth.js would take Secure from X-Forwarded-Proto; the root's protocol decides instead.
  useSecureCookies: rootProtocol(getRootDomain()) === "https",
  session: { strategy: "jwt", maxAge: 12 * 60 * 60 },
  pages: { signIn: "/login" },
  logger: {
    error: (error) =>
      error instanceof CredentialsSignin ? undefined : console.error(`[auth] ${error.name}`),
  },
  providers: [
    Credentials({
      id: "password",
      credentials: { email: {}, password: {} },
      authorize: async (credentials, request) => {
        const input = passwordInput.safeParse(credentials);
        const realm = realmOf(request.headers);
        if (!input.success || !realm) throw new SignInRefused("Enter your email and password.");
        const attempt = { central: getCentralDb(), ...input.data, ...clientOf(request.headers) };
        return accept(await withRealmStore(realm, (store) => signInWithPassword({ ...attempt, store })));
      },
    }),
    Credentials({
      id: "ticket",
      credentials: { ticket: {} },
      authorize: async (credentials, request) => {
        const input = ticketInput.safeParse(credentials);
        const realm = realmOf(request.headers);
        if (!input.success || realm?.kind !== "clinic")
          throw new SignInRefused("This sign-in link is not valid.");
        return accept(
          await redeemClinicTicket({
            ticket: input.data.ticket,
            subdomain: realm.subdomain,
            ...clientOf(request.headers),
          }),
        );
      },
    }),
  ],
  callbacks: {
    jwt: ({ token, user }) => {
      if (user && "claims" in user) token.claims = user.claims as SessionClaims;
      return token;
    },
    session: ({ session, token }) =>
      Object.assign(session, { claims: token.claims as SessionClaims | undefined }),
  },
}));
