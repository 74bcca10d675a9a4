/** Joins class names, skipping falsy ones: enough for the primitives without another dependency. */
export function cn(...classes: Array<string | false | null | undefined>): string {
  return classes.filter(Boolean).join(" ");
}
