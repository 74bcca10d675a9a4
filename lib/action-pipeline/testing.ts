import { definedActionOf, runDefinedAction } from "./pipeline";
import type { ActionRequest } from "./request";
import type { ActionResult, ServerAction } from "./result";

/**
 * Calls a server action through its whole pipeline (host → session → permission → input → body) with
 * a request of the test's own instead of Next's: the one thing a test cannot get outside a server.
 */
export function callAction<R>(
  action: ServerAction<R>,
  input: unknown,
  request: ActionRequest,
): Promise<ActionResult<R>> {
  const defined = definedActionOf(action);
  if (!defined) throw new Error("This function was not built by defineClinicAction/definePlatformAction.");
  return runDefinedAction(defined, input, request) as Promise<ActionResult<R>>;
}
