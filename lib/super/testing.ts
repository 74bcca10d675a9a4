import { randomBytes } from "node:crypto";
import type { ActionClient } from "../actions/define-action";
import { hashPassword } from "../auth/password";
import type { AppSession } from "../auth/session";
import type { CentralDb } from "../db/central";
import type { User, UserRole } from "../generated/central/client";

// For tests of the super-admin actions: platform users and the sessions the action wrapper would resolve.

export const TEST_CLIENT: ActionClient = { ip: "203.0.113.7", userAgent: "vitest" };

export async function createPlatformUser(
  central: CentralDb,
  options: { role: UserRole; password?: string },
): Promise<User> {
  const label = options.role === "SUPER_ADMIN" ? "super" : "admin";
  return central.user.create({
    data: {
      email: `${label}-${randomBytes(4).toString("hex")}@clinics.test`,
      name: options.role === "SUPER_ADMIN" ? "Sam Super" : "Casey Admin",
      role: options.role,
      passwordHash: await hashPassword(options.password ?? "a-long-enough-password"),
    },
  });
}

export function sessionOf(user: Pick<User, "id" | "email" | "name" | "role">): AppSession {
  return {
    realm: { kind: "platform" },
    sessionId: "00000000-0000-4000-8000-000000000000",
    user: { id: user.id, email: user.email, name: user.name, role: user.role },
    mustChangePassword: false,
  };
}

/** The context runPlatformAction builds, for calling a prepared action directly. */
export function contextOf(user: Pick<User, "id" | "email" | "name" | "role">, central: CentralDb) {
  return { session: sessionOf(user), db: central, client: TEST_CLIENT };
}
