import type { FieldValues, Path, UseFormSetError } from "react-hook-form";

/**
 * Puts a refused action's field messages (`error.fields`, keyed by the schema's dotted paths) on
 * the form's inputs; a message for the whole form lands on `root`. Returns whether any landed.
 */
export function applyFieldErrors<T extends FieldValues>(
  setError: UseFormSetError<T>,
  fields: Record<string, string> | undefined,
): boolean {
  const entries = Object.entries(fields ?? {});
  for (const [name, message] of entries) {
    if (name === "form") setError("root", { message });
    else setError(name as Path<T>, { message });
  }
  return entries.length > 0;
}
