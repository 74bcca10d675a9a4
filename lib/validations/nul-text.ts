import { z } from "zod";

export const NUL_MESSAGE = "Remove the invisible NUL character from this text.";

/** Where in an input a string holds a NUL character, depth first; null when none does. */
function pathOfNul(value: unknown, path: (string | number)[], seen: Set<object>): (string | number)[] | null {
  if (typeof value === "string") return value.includes("\u0000") ? path : null;
  if (!value || typeof value !== "object" || seen.has(value)) return null;
  seen.add(value);
  // entries(), not map(): a sparse array's holes are items too (map would leave holes behind).
  const entries: Iterable<[string | number, unknown]> = Array.isArray(value)
    ? value.entries()
    : Object.entries(value);
  for (const [key, item] of entries) {
    const found = pathOfNul(item, [...path, key], seen);
    if (found) return found;
  }
  return null;
}

/**
 * PostgreSQL text cannot hold a NUL character (error 22021, and jsonb refuses \u0000), so no form
 * can send one and a hand-made request must not reach the database with it: the refusal for any
 * input, as a zod error on the field that holds it. Null when the input is free of NUL.
 */
export function nulCharacterError(input: unknown): z.ZodError | null {
  const path = pathOfNul(input, [], new Set());
  return path ? new z.ZodError([{ code: "custom", path, message: NUL_MESSAGE, input }]) : null;
}
