import type { z } from "zod";
import { AppError, type AppErrorCode } from "../errors";

export type ActionError = { code: AppErrorCode; message: string; fields?: Record<string, string> };

/** What every server action returns: the form shows `error.fields` inline and `error.message` as a toast. */
export type ActionResult<T> = { ok: true; data: T } | { ok: false; error: ActionError };

/** A server action as a client component calls it: any input (it is parsed on the server), one result type. */
export type ServerAction<R> = (input: unknown) => Promise<ActionResult<R>>;

/** The result type of a server action. */
export type ActionData<A> = A extends ServerAction<infer R> ? R : never;

export function failure(error: AppError): { ok: false; error: ActionError } {
  return {
    ok: false,
    error: { code: error.code, message: error.message, ...(error.fields ? { fields: error.fields } : {}) },
  };
}

/** A refused parse as one AppError: the first message for the toast, one message per field. */
export function invalidInput(error: z.ZodError): AppError {
  const fields: Record<string, string> = {};
  for (const issue of error.issues) fields[issue.path.join(".") || "form"] ??= issue.message;
  return new AppError("INVALID", Object.values(fields)[0] ?? "Check the form.", fields);
}
