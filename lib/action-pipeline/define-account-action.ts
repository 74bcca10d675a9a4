import type { z } from "zod";
import type { AccountStore } from "../auth/account-store";
import { withRealmStore } from "../auth/realm-store";
import type { RequestClient } from "../auth/request-context";
import { type AppSession, resolveSession } from "../auth/session";
import { AppError } from "../errors";
import type { Realm } from "../routing/host";
import { exposeAction, parseOrThrow, SESSION_ENDED } from "./pipeline";
import type { ServerAction } from "./result";

const NO_REALM = "This address does not belong to the platform or one of its clinics.";

/**
 * An action for someone not signed in yet (signing in): the host's realm and the parsed input,
 * no session and no permission.
 */
export function definePublicAction<S extends z.ZodType, R>(definition: {
  schema: S;
  handler: (context: { input: z.output<S>; realm: Realm; client: RequestClient }) => Promise<R>;
}): ServerAction<R> {
  return exposeAction<R>({
    kind: "public",
    permission: null,
    schema: definition.schema,
    run: async (rawInput, { realm, client }) => {
      if (!realm) throw new AppError("NOT_FOUND", NO_REALM);
      const input = parseOrThrow(definition.schema, rawInput);
      return { ok: true, data: await definition.handler({ input, realm, client }) };
    },
  });
}

type AccountContext<Input, Session> = {
  input: Input;
  session: Session;
  /** The accounts of the host's realm: the central database's, or the clinic's own. */
  store: AccountStore;
  client: RequestClient;
};

/**
 * An action on one's own account, in either realm (sign out, change password): no permission, and
 * allowed while a temporary password is due. `session: "optional"` also runs without a session.
 */
export function defineAccountAction<S extends z.ZodType, R>(definition: {
  schema: S;
  session: "required";
  handler: (context: AccountContext<z.output<S>, AppSession>) => Promise<R>;
}): ServerAction<R>;
export function defineAccountAction<S extends z.ZodType, R>(definition: {
  schema: S;
  session: "optional";
  handler: (context: AccountContext<z.output<S>, AppSession | null>) => Promise<R>;
}): ServerAction<R>;
export function defineAccountAction<S extends z.ZodType, R>(definition: {
  schema: S;
  session: "required" | "optional";
  handler: (context: AccountContext<z.output<S>, AppSession>) => Promise<R>;
}): ServerAction<R> {
  return exposeAction<R>({
    kind: "account",
    permission: null,
    schema: definition.schema,
    run: async (rawInput, { realm, claims, client }) => {
      if (!realm) throw new AppError("NOT_FOUND", NO_REALM);
      return withRealmStore(realm, async (store) => {
        const session = await resolveSession({ claims, store });
        if (!session && definition.session === "required") throw new AppError("FORBIDDEN", SESSION_ENDED);
        const input = parseOrThrow(definition.schema, rawInput);
        return {
          ok: true,
          data: await definition.handler({ input, session: session as AppSession, store, client }),
        };
      });
    },
  });
}
