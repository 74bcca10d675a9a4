"use server";

import { AuthError, CredentialsSignin } from "next-auth";
import { definePublicAction } from "@/lib/action-pipeline/define-account-action";
import type { AccountStore } from "@/lib/auth/account-store";
import { signIn } from "@/lib/auth/auth";
import { withRealmStore } from "@/lib/auth/realm-store";
import { AppError } from "@/lib/errors";
import { signInSchema } from "@/lib/validations/auth";

/** Signs in on this host's realm (Auth.js checks the password and sets the cookie), then says where to go. */
export const signInAction = definePublicAction({
  schema: signInSchema,
  handler: async ({ input, realm }) => {
    try {
      await signIn("password", { ...input, redirect: false });
    } catch (error) {
      if (error instanceof CredentialsSignin) throw new AppError("INVALID", error.code);
      if (error instanceof AuthError)
        throw new AppError("UNAVAILABLE", "Signing in failed. Please try again.");
      throw error;
    }
    return withRealmStore(realm, async (store) => {
      const account = await store.findByEmail(input.email.trim().toLowerCase());
      return { redirectTo: account ? homeOf(store, account) : "/" };
    });
  },
});

/** Where a person goes after signing in: a due password change first, then their area. */
function homeOf(store: AccountStore, account: { role: string; mustChangePassword: boolean }): string {
  if (account.mustChangePassword) return "/account/password";
  if (store.realm.kind === "clinic") return "/dashboard";
  return account.role === "SUPER_ADMIN" ? "/super" : "/admin";
}
