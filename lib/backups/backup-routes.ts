import { failure } from "../action-pipeline/result";
import { refusalResponse } from "../action-pipeline/route-response";
import { findPlatformSession } from "../auth/platform-page";
import type { AppSession } from "../auth/session";
import type { CentralDb } from "../db/central";
import { getCentralDb } from "../db/central";
import { isDatabaseUnavailable, unavailableResponse } from "../db/database-unavailable";
import { AppError, ConfigError } from "../errors";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * The backups' route handlers (job progress, download, upload): a platform session whose role
 * may `permissions` (either), then `work`; a refusal is answered with its status and words, a
 * missing BACKUP_KEY with its configuration message, anything else as unavailable (no stack).
 */
export async function answerBackupRoute(
  permissions: ("backups.manage" | "backups.own")[],
  work: (context: { session: AppSession; central: CentralDb }) => Promise<Response>,
): Promise<Response> {
  try {
    let session: AppSession | null = null;
    for (const permission of permissions) session ??= await findPlatformSession(permission);
    if (!session) {
      throw new AppError("FORBIDDEN", "Sign in with an account that may work with backups.");
    }
    return await work({ session, central: getCentralDb() });
  } catch (error) {
    if (error instanceof AppError) return refusalResponse(failure(error).error);
    if (isDatabaseUnavailable(error)) return unavailableResponse();
    if (error instanceof ConfigError) return refusalResponse({ code: "UNAVAILABLE", message: error.message });
    console.error(`[backups] route failed: ${error instanceof Error ? error.name : "error"}`);
    return refusalResponse({
      code: "UNAVAILABLE",
      message: "Something went wrong. Please try again in a moment.",
    });
  }
}

/** A route's id segment, or NOT_FOUND when it is not a uuid. */
export function idOrNotFound(id: string, what: string): string {
  if (!UUID.test(id)) throw new AppError("NOT_FOUND", `There is no such ${what}.`);
  return id;
}
