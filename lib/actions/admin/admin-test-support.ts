import { expect } from "vitest";
import type { AppSession } from "../../auth/session";
import type { CentralDb } from "../../db/central";
import type { ClinicStatus, User, UserRole } from "../../generated/central/client";

export const TEST_CLIENT = { ip: "203.0.113.7", userAgent: "vitest" };

/** The session runPlatformAction would resolve for this user, without a cookie. */
export function sessionOf(user: Pick<User, "id" | "email" | "name" | "role">): AppSession {
  return {
    realm: { kind: "platform" },
    sessionId: `session-of-${user.id}`,
    user: { id: user.id, email: user.email, name: user.name, role: user.role },
    mustChangePassword: false,
  };
}

export function createPlatformUser(
  central: CentralDb,
  options: { email: string; role?: UserRole; status?: "ACTIVE" | "DISABLED" },
): Promise<User> {
  return central.user.create({
    data: {
      email: options.email,
      name: options.email.split("@")[0] ?? "someone",
      role: options.role ?? "CLINIC_ADMIN",
      status: options.status ?? "ACTIVE",
      passwordHash: "!not-used-by-these-tests",
    },
  });
}

/** Waits (as the console's polling does) until the clinic reaches one of `statuses`. */
export async function waitForClinicStatus(
  central: CentralDb,
  clinicId: string,
  statuses: ClinicStatus[] = ["ACTIVE", "FAILED"],
  timeoutMs = 20_000,
) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const clinic = await central.clinic.findUniqueOrThrow({ where: { id: clinicId } });
    if (statuses.includes(clinic.status)) return clinic;
    expect(Date.now(), `clinic still ${clinic.status} at step ${clinic.provisioningStep}`).toBeLessThan(
      deadline,
    );
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
