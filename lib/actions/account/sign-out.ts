"use server";

import { z } from "zod";
import { defineAccountAction } from "@/lib/action-pipeline/define-account-action";
import { signOut } from "@/lib/auth/auth";

const signOutSchema = z.object({ everywhere: z.boolean().optional() }).optional();

/** Ends this session (or, `everywhere`, every session of the account), then clears the cookie. */
export const signOutAction = defineAccountAction({
  schema: signOutSchema,
  session: "optional",
  handler: async ({ input, session, store, client }) => {
    if (session) {
      const now = new Date();
      await store.transaction(async (tx) => {
        if (input?.everywhere) {
          await tx.update(session.user.id, { bumpSessionVersion: true });
          await tx.revokeSessions({ accountId: session.user.id }, now);
        } else {
          await tx.revokeSessions({ id: session.sessionId }, now);
        }
        await tx.audit({
          action: input?.everywhere ? "sign-out.everywhere" : "sign-out",
          actorId: session.user.id,
          actorEmail: session.user.email,
          ...client,
        });
      });
    }
    await signOut({ redirect: false });
    return null;
  },
});
