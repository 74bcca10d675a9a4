import { UNAVAILABLE_HEADERS } from "../db/database-unavailable";
import { HTTP_STATUS } from "../errors";
import type { ActionError } from "./result";

const NO_STORE = { "Cache-Control": "private, no-store" };

/**
 * A pipeline refusal as a route handler's answer: the status its code means (404, 403, 422, 503
 * with Retry-After) and `{ error }` as JSON, the same words a form would show. Never cached.
 */
export function refusalResponse(error: ActionError): Response {
  return Response.json(
    { error },
    {
      status: HTTP_STATUS[error.code],
      headers: error.code === "UNAVAILABLE" ? UNAVAILABLE_HEADERS : NO_STORE,
    },
  );
}
