/**
 * Whether a POST is a server-action call from another origin. Next refuses those itself, but by
 * throwing: any script could then cause a 500 and an error in the log at will, so the middleware
 * answers them with a 403 first. Next's rule, kept here: an Origin (when sent) must name the host
 * of X-Forwarded-Host's first value, else of Host. Actions arrive with a Next-Action header
 * (fetch) or as a multipart form (before hydration).
 */
export function isCrossOriginActionCall(request: { method: string; headers: Headers }): boolean {
  const { headers } = request;
  if (request.method !== "POST") return false;
  const isAction =
    headers.has("next-action") || (headers.get("content-type") ?? "").startsWith("multipart/form-data");
  const origin = headers.get("origin");
  if (!isAction || origin === null) return false;
  const host = headers.get("x-forwarded-host")?.split(",")[0]?.trim() || headers.get("host");
  return host === null || hostOfOrigin(origin) !== host;
}

function hostOfOrigin(origin: string): string | null {
  // Sandboxed frames and some redirects send the literal "null".
  if (origin === "null") return null;
  try {
    return new URL(origin).host;
  } catch {
    return null;
  }
}
