import type { FieldValues, Path, UseFormSetError } from "react-hook-form";

/**
 * Puts a refused action's field messages (`error.fields`, keyed by the schema's dotted paths) on
 * the form's inputs, through `fieldOf` where the form names a field otherwise; a message for the
 * whole form lands on `root`.
 */
export function applyFieldErrors<T extends FieldValues>(
  setError: UseFormSetError<T>,
  fields: Record<string, string> | undefined,
  fieldOf: (path: string) => string = (path) => path,
): void {
  for (const [path, message] of Object.entries(fields ?? {})) {
    if (path === "form") setError("root", { message });
    else setError(fieldOf(path) as Path<T>, { message });
  }
}
