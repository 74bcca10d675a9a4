import { AppError } from "@/lib/errors";
import { cleanDatabaseError, DatabaseError } from "./database-error";

/**
 * Runs `work`; a change the clinic database refuses because the record is locked (a trigger raising
 * SQLSTATE CR001: signed, written once, entered in error) becomes a CONFLICT in the given words,
 * shown on `field` when the refusal is about one field of a form.
 */
export async function conflictWhenLocked<T>(
  message: string,
  work: () => Promise<T>,
  field?: string,
): Promise<T> {
  try {
    return await work();
  } catch (error) {
    const clean = cleanDatabaseError(error);
    if (clean instanceof DatabaseError && clean.sqlState === "CR001")
      throw new AppError("CONFLICT", message, field ? { [field]: message } : undefined);
    throw error;
  }
}
