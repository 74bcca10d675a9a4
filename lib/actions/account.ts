"use server";

import { headers } from "next/headers";
import { AuthError, CredentialsSignin } from "next-auth";
import { type AccountStore, clinicAccountStore, platformAccountStore } from "../auth/account-store";
import { signIn, signOut } from "../auth/auth";
import { readSessionClaims } from "../auth/current";
import { hashPassword, verifyPassword } from "../auth/password";
import { clientOf, realmOf } from "../auth/request-context";
import { type AppSession, resolveSession } from "../auth/session";
import { getCentralDb } from "../db/central";
import { AppError } from "../errors";
import { withTenantDb } from "../tenancy/tenant-db";
import { changePasswordSchema, signInSchema } from "../validations/auth";
import { failure, invalidInput } from "./define-action";
import type { ActionResult } from "./result";

/** Runs `work` with this host's account store (the central database, or the clinic's own). */
async function withAccountStore<T>(work: (store: AccountStore) => Promise<T>): Promise<T> {
  const realm = realmOf(await headers());
  if (realm.kind === "platform") return work(platformAccountStore(getCentralDb()));
  return withTenantDb(realm.subdomain, (db) => work(clinicAccountStore(realm.subdomain, db)));
}

/** Where a person goes after signing in: a due password change first, then their area. */
function homeOf(store: AccountStore, account: { role: string; mustChangePassword: boolean }): string {
  if (account.mustChangePassword) return "/account/password";
  if (store.realm.kind === "clinic") return "/dashboard";
  return account.role === "SUPER_ADMIN" ? "/super" : "/admin";
}

export async function signInAction(input: unknown): Promise<ActionResult<{ redirectTo: string }>> {
  const parsed = signInSchema.safeParse(input);
  if (!parsed.success) return failure(invalidInput(parsed.error));
  try {
    await signIn("password", { ...parsed.data, redirect: false });
  } catch (error) {
    if (error instanceof CredentialsSignin) return failure(new AppError("INVALID", error.code));
    if (error instanceof AuthError)
      return failure(new AppError("UNAVAILABLE", "Signing in failed. Please try again."));
    if (error instanceof AppError) return failure(error);
    throw error;
  }
  return withAccountStore(async (store) => {
    const account = await store.findByEmail(parsed.data.email.trim().toLowerCase());
    return { ok: true, data: { redirectTo: account ? homeOf(store, account) : "/" } };
  });
}

/** This host's session, checked; null when there is none. */
async function currentSession(store: AccountStore): Promise<AppSession | null> {
  return resolveSession({ claims: await readSessionClaims(), store });
}

export async function signOutAction(options: { everywhere?: boolean } = {}): Promise<ActionResult<null>> {
  const requestHeaders = await headers();
  await withAccountStore(async (store) => {
    const session = await currentSession(store);
    if (!session) return;
    const now = new Date();
    if (options.everywhere) {
      await store.update(session.user.id, { bumpSessionVersion: true });
      await store.revokeSessions({ accountId: session.user.id }, now);
    } else {
      await store.revokeSessions({ id: session.sessionId }, now);
    }
    const action = options.everywhere ? "sign-out.everywhere" : "sign-out";
    await store.audit({
      action,
      actorId: session.user.id,
      actorEmail: session.user.email,
      ...clientOf(requestHeaders),
    });
  });
  await signOut({ redirect: false });
  return { ok: true, data: null };
}

/** Changes the password, then ends every session of the account, this one included. */
export async function changePasswordAction(input: unknown): Promise<ActionResult<null>> {
  const parsed = changePasswordSchema.safeParse(input);
  if (!parsed.success) return failure(invalidInput(parsed.error));
  const requestHeaders = await headers();
  const result = await withAccountStore(async (store): Promise<ActionResult<null>> => {
    const session = await currentSession(store);
    if (!session) return failure(new AppError("FORBIDDEN", "Your session has ended. Please sign in again."));
    const account = await store.findById(session.user.id);
    if (!account || !(await verifyPassword(account.passwordHash, parsed.data.currentPassword))) {
      return failure(
        new AppError("INVALID", "The current password is not right.", { currentPassword: "Not right." }),
      );
    }
    await store.update(account.id, {
      passwordHash: await hashPassword(parsed.data.newPassword),
      mustChangePassword: false,
      bumpSessionVersion: true,
    });
    await store.revokeSessions({ accountId: account.id }, new Date());
    await store.audit({
      action: "password.changed",
      actorId: account.id,
      actorEmail: account.email,
      ...clientOf(requestHeaders),
    });
    return { ok: true, data: null };
  });
  if (result.ok) await signOut({ redirect: false });
  return result;
}
