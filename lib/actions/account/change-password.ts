"use server";

import { defineAccountAction } from "@/lib/action-pipeline/define-account-action";
import { signOut } from "@/lib/auth/auth";
import { changePassword } from "@/lib/auth/change-password";
import { getCentralDb } from "@/lib/db/central";
import { changePasswordSchema } from "@/lib/validations/auth";

/** Changes the password, then ends every session of the account, this one included. */
export const changePasswordAction = defineAccountAction({
  schema: changePasswordSchema,
  session: "required",
  handler: async ({ input, session, store, client }) => {
    await changePassword({
      store,
      central: getCentralDb(),
      accountId: session.user.id,
      currentPassword: input.currentPassword,
      newPassword: input.newPassword,
      client,
    });
    await signOut({ redirect: false });
    return null;
  },
});
