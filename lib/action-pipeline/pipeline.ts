import { unstable_rethrow } from "next/navigation";
import type { z } from "zod";
import { getRootDomain } from "../config/root-domain";
import { centralDatabaseUnavailableError, isDatabaseUnavailable } from "../db/database-unavailable";
import { AppError } from "../errors";
import { type Realm, realmOfHost } from "../routing/host";
import { nulCharacterError } from "../validations/nul-text";
import { type ActionRequest, readActionRequest } from "./request";
import { type ActionResult, failure, invalidInput, type ServerAction } from "./result";

/** What the pipeline knows of every action it built: tests enumerate these, and run them with a request of their own. */
export type DefinedAction<R = unknown> = {
  kind: "clinic" | "platform" | "account" | "public";
  /** The matrix permission it requires (null: any signed-in account, or nobody signed in yet). */
  permission: string | null;
  schema: z.ZodType;
  /** Every step after reading the request; throws what `settle` turns into a result. */
  run(rawInput: unknown, request: ActionRequest & { realm: Realm | null }): Promise<ActionResult<R>>;
};

const definedActions = new WeakMap<object, DefinedAction>();

/**
 * The server action itself: reads its own request (host, cookie, client) and runs the steps. The
 * steps take no session argument, so nothing a browser sends can stand in for the checks.
 */
export function exposeAction<R>(defined: DefinedAction<R>): ServerAction<R> {
  const action: ServerAction<R> = async (rawInput) =>
    runDefinedAction(defined, rawInput, readActionRequest());
  definedActions.set(action, defined as DefinedAction);
  return action;
}

/** How the pipeline built `action`, or undefined when it did not build it. */
export function definedActionOf(action: unknown): DefinedAction | undefined {
  return typeof action === "function" ? definedActions.get(action) : undefined;
}

/**
 * Runs an action's steps for one request. An AppError becomes `{ error }`; Next's own control flow
 * (redirect, notFound, forbidden) passes through; anything else is logged by name only (no input,
 * no SQL, no patient detail) and answered with a generic message.
 */
export async function runDefinedAction<R>(
  defined: DefinedAction<R>,
  rawInput: unknown,
  request: Promise<ActionRequest> | ActionRequest,
): Promise<ActionResult<R>> {
  try {
    const resolved = await request;
    return await defined.run(rawInput, { ...resolved, realm: realmOfHost(resolved.host, getRootDomain()) });
  } catch (error) {
    unstable_rethrow(error);
    if (error instanceof AppError) return failure(error);
    // A clinic's own outage became an AppError in withTenantDb; what is left is the central database's.
    if (isDatabaseUnavailable(error)) return failure(centralDatabaseUnavailableError());
    console.error(`[action] ${defined.permission ?? defined.kind} failed: ${nameOf(error)}`);
    return failure(new AppError("UNAVAILABLE", "Something went wrong. Please try again in a moment."));
  }
}

/**
 * The input through its schema; a form's FormData is read as a plain object first. Text with a NUL
 * character is refused before any schema sees it (PostgreSQL cannot store one).
 */
export function parseInput<S extends z.ZodType>(schema: S, rawInput: unknown) {
  const input = rawInput instanceof FormData ? Object.fromEntries(rawInput) : rawInput;
  const nul = nulCharacterError(input);
  return nul ? { success: false as const, error: nul } : schema.safeParse(input);
}

/** Parses or throws the INVALID AppError with one message per field. */
export function parseOrThrow<S extends z.ZodType>(schema: S, rawInput: unknown): z.output<S> {
  const parsed = parseInput(schema, rawInput);
  if (!parsed.success) throw invalidInput(parsed.error);
  return parsed.data;
}

export const SESSION_ENDED = "Your session has ended. Please sign in again.";

function nameOf(error: unknown): string {
  return error instanceof Error ? error.name : "error";
}
