import type { z } from "zod";
import type { AccountStore } from "../auth/account-store";
import { type Actor, actorOf } from "../auth/actor";
import { type AppSession, resolveSession } from "../auth/session";
import { AppError } from "../errors";
import type { Realm } from "../routing/host";
import { exposeAction, parseInput, SESSION_ENDED } from "./pipeline";
import { type ActionResult, failure, invalidInput, type ServerAction } from "./result";

/**
 * What an action's body is handed: the parsed input, the checked session and its role, the realm's
 * database, and the actor its audit rows name.
 */
export type ActionContext<Input, Db, Role> = {
  input: Input;
  session: AppSession;
  role: Role;
  db: Db;
  actor: Actor;
};

export type SessionActionDefinition<S extends z.ZodType, Permission extends string, Db, Role, R> = {
  schema: S;
  permission: Permission;
  handler: (context: ActionContext<z.output<S>, Db, Role>) => Promise<R>;
};

/** How one realm opens its database and account store for a request, and what its roles may do. */
export type RealmBinding<Db, Permission extends string, Role extends string> = {
  kind: "clinic" | "platform";
  /** Null when the request's host is not of this realm. */
  open<T>(realm: Realm | null, work: (db: Db, store: AccountStore) => Promise<T>): Promise<T> | null;
  /** The session's role as this realm's role type, or null for a role this realm does not have. */
  roleOf(role: string): Role | null;
  can(role: Role, permission: Permission): boolean;
  wrongHostMessage: string;
};

/** The chain every signed-in action runs: host's realm → session → permission → input → body. */
export function defineSessionAction<
  S extends z.ZodType,
  Permission extends string,
  Db,
  Role extends string,
  R,
>(
  binding: RealmBinding<Db, Permission, Role>,
  definition: SessionActionDefinition<S, Permission, Db, Role, R>,
): ServerAction<R> {
  return exposeAction<R>({
    kind: binding.kind,
    permission: definition.permission,
    schema: definition.schema,
    run: async (rawInput, request) => {
      const opened = binding.open(request.realm, async (db, store): Promise<ActionResult<R>> => {
        const session = await resolveSession({ claims: request.claims, store });
        if (!session) return failure(new AppError("FORBIDDEN", SESSION_ENDED));
        if (session.mustChangePassword)
          return failure(new AppError("FORBIDDEN", "Change your temporary password first."));
        const role = binding.roleOf(session.user.role);
        if (!role || !binding.can(role, definition.permission))
          return failure(new AppError("FORBIDDEN", "Your role does not allow this."));
        const parsed = parseInput(definition.schema, rawInput);
        if (!parsed.success) return failure(invalidInput(parsed.error));
        const actor = actorOf(session, request.client);
        return { ok: true, data: await definition.handler({ input: parsed.data, session, role, db, actor }) };
      });
      return opened ?? failure(new AppError("NOT_FOUND", binding.wrongHostMessage));
    },
  });
}
