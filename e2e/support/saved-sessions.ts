import path from "node:path";
import { DEMO_STAFF_PASSWORD } from "@/lib/demo/seed";

/**
 * The demo accounts the setup project signs in once per run. Specs that leave server-side sessions
 * alone reuse these states; a test that ends a session (sign out, password change, suspension of
 * the account's clinic) uses an account of its own instead, or every later spec would be signed out.
 */
export type SavedSession = "super-admin" | "clinic-admin" | "maple-receptionist";

/** Where a role's signed-in browser state is kept (git-ignored). */
export function savedSessionFile(role: SavedSession): string {
  return path.join(import.meta.dirname, "..", ".auth", `${role}.json`);
}

export const MAPLE_RECEPTIONIST = { email: "receptionist@maple.test", password: DEMO_STAFF_PASSWORD };
