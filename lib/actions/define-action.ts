import type { z } from "zod";
import type { AppSession } from "../auth/session";
import { AppError } from "../errors";
import type { ActionResult } from "./result";

export type ActionClient = { ip: string | null; userAgent: string | null };

export type ActionContext<Input, Db> = { input: Input; session: AppSession; db: Db; client: ActionClient };

export type ActionDefinition<S extends z.ZodType, Permission extends string, Db, R> = {
  schema: S;
  permission: Permission;
  /** The password-change action itself must run while a change is due; nothing else may. */
  allowWhilePasswordChangeDue?: boolean;
  handler: (context: ActionContext<z.output<S>, Db>) => Promise<R>;
};

/** An action whose session and database are already resolved: what server actions and tests call. */
export type PreparedAction<Db, R> = (
  rawInput: unknown,
  context: { session: AppSession; db: Db; client: ActionClient },
) => Promise<ActionResult<R>>;

/**
 * The one way an action runs: check the permission, parse the input with its zod schema, then run
 * the handler; an AppError becomes `{ error }`, anything else a generic message (logged by name
 * only: no input, no SQL, no patient detail).
 */
export function prepareAction<S extends z.ZodType, P extends string, Db, R>(
  definition: ActionDefinition<S, P, Db, R>,
  can: (role: string, permission: P) => boolean,
): PreparedAction<Db, R> {
  return async (rawInput, { session, db, client }) => {
    if (session.mustChangePassword && !definition.allowWhilePasswordChangeDue) {
      return failure(new AppError("FORBIDDEN", "Change your temporary password first."));
    }
    if (!can(session.user.role, definition.permission)) {
      return failure(new AppError("FORBIDDEN", "Your role does not allow this."));
    }
    const parsed = definition.schema.safeParse(
      rawInput instanceof FormData ? Object.fromEntries(rawInput) : rawInput,
    );
    if (!parsed.success) return failure(invalidInput(parsed.error));
    try {
      return { ok: true, data: await definition.handler({ input: parsed.data, session, db, client }) };
    } catch (error) {
      if (error instanceof AppError) return failure(error);
      console.error(
        `[action] ${definition.permission} failed: ${error instanceof Error ? error.name : "error"}`,
      );
      return failure(new AppError("UNAVAILABLE", "Something went wrong. Please try again in a moment."));
    }
  };
}

export function failure(error: AppError): {
  ok: false;
  error: { code: AppError["code"]; message: string; fields?: Record<string, string> };
} {
  return {
    ok: false,
    error: { code: error.code, message: error.message, ...(error.fields ? { fields: error.fields } : {}) },
  };
}

export function invalidInput(error: z.ZodError): AppError {
  const fields: Record<string, string> = {};
  for (const issue of error.issues) fields[issue.path.join(".") || "form"] ??= issue.message;
  return new AppError("INVALID", Object.values(fields)[0] ?? "Check the form.", fields);
}
