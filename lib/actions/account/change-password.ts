"use server";

import { defineAccountAction } from "@/lib/action-pipeline/define-account-action";
import { signOut } from "@/lib/auth/auth";
import { hashPassword, verifyPassword } from "@/lib/auth/password";
import { AppError } from "@/lib/errors";
import { changePasswordSchema } from "@/lib/validations/auth";

/** Changes the password, then ends every session of the account, this one included. */
export const changePasswordAction = defineAccountAction({
  schema: changePasswordSchema,
  session: "required",
  handler: async ({ input, session, store, client }) => {
    const account = await store.findById(session.user.id);
    if (!account || !(await verifyPassword(account.passwordHash, input.currentPassword))) {
      throw new AppError("INVALID", "The current password is not right.", { currentPassword: "Not right." });
    }
    await store.update(account.id, {
      passwordHash: await hashPassword(input.newPassword),
      mustChangePassword: false,
      bumpSessionVersion: true,
    });
    await store.revokeSessions({ accountId: account.id }, new Date());
    await store.audit({
      action: "password.changed",
      actorId: account.id,
      actorEmail: account.email,
      ...client,
    });
    await signOut({ redirect: false });
    return null;
  },
});
