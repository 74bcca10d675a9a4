import type { ActionResult } from "../action-pipeline/result";

/** An action's data, or the test fails with the refusal's message. */
export function dataOf<T>(result: ActionResult<T>): T {
  if (!result.ok) throw new Error(result.error.message);
  return result.data;
}
