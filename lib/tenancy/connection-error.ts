/** One line for an operator's log: error code and reason, with anything URL-like blanked out. */
export function describeConnectionError(error: unknown): string {
  if (!(error instanceof Error)) return "unknown error";
  const code = (error as { code?: unknown }).code;
  const lines = error.message
    .split("\n")
    .map((line) => line.trim())
    .filter(Boolean);
  // Prisma's messages open with "Invalid `…` invocation" and a code frame; the reason comes last.
  const reason = (lines[0]?.startsWith("Invalid `") ? lines.at(-1) : lines[0]) ?? error.name;
  const safe = reason.replace(/\b[a-z][a-z0-9+.-]*:\/\/\S+/gi, "<url>").slice(0, 300);
  return typeof code === "string" && code ? `${code} ${safe}` : safe;
}
