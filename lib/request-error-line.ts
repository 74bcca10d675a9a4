/** What Next tells `onRequestError` about the request (its `path` carries the query string). */
type FailedRequest = { path: string; method: string };
type RequestErrorContext = { routePath: string; routeType: string };

// Only values that cannot hold what a person typed: identifiers, codes and the route's pattern.
const WORD = /^[\w.-]{1,60}$/;

/**
 * The one line the server logs for a request that failed: Next's digest (the number the error
 * page shows), method, route pattern and kind, and the error's name and codes. Never its message,
 * stack, the query string or the path's values (a patient's id), which can be patient data.
 */
export function describeRequestError(
  error: unknown,
  request: FailedRequest,
  context: RequestErrorContext,
): string {
  const fields = error !== null && typeof error === "object" ? (error as Record<string, unknown>) : {};
  const line = {
    level: "error",
    msg: "request failed",
    digest: wordOf(fields.digest),
    method: wordOf(request.method),
    route: context.routePath.split("?")[0],
    routeType: wordOf(context.routeType),
    error: error instanceof Error ? wordOf(error.name) : typeof error,
    code: wordOf(fields.code),
    sqlState: wordOf(fields.sqlState),
  };
  return JSON.stringify(line);
}

function wordOf(value: unknown): string | undefined {
  const text = typeof value === "number" ? String(value) : value;
  return typeof text === "string" && WORD.test(text) ? text : undefined;
}
