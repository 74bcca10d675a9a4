import { randomBytes } from "node:crypto";
import type { ActionRequest } from "../action-pipeline/request";
import type { ActionResult, ServerAction } from "../action-pipeline/result";
import { callAction } from "../action-pipeline/testing";
import { hashPassword } from "../auth/password";
import type { CentralDb } from "../db/central";
import type { User, UserRole } from "../generated/central/client";
import { platformRequestFor } from "./requests";

export const PLATFORM_USER_PASSWORD = "a-long-enough-password";

/** A super admin or clinic admin of the test platform, with a password that works. */
export async function createPlatformUser(
  central: CentralDb,
  options: { role: UserRole; email?: string; status?: "ACTIVE" | "DISABLED" },
): Promise<User> {
  const label = options.role === "SUPER_ADMIN" ? "super" : "admin";
  return central.user.create({
    data: {
      email: options.email ?? `${label}-${randomBytes(4).toString("hex")}@clinics.test`,
      name: options.role === "SUPER_ADMIN" ? "Sam Super" : "Casey Admin",
      role: options.role,
      status: options.status ?? "ACTIVE",
      passwordHash: await hashPassword(PLATFORM_USER_PASSWORD),
    },
  });
}

/**
 * Calls server actions as platform users through the whole pipeline (root host, a real session per
 * user, made on first use). The process's DATABASE_URL must name `central` (createClinicFixture and
 * usePlatformEnv set it).
 */
export function platformCaller(central: CentralDb) {
  const requests = new Map<string, Promise<ActionRequest>>();
  const requestAs = (user: Pick<User, "id">) => {
    let request = requests.get(user.id);
    if (!request) {
      request = platformRequestFor(central, user.id);
      requests.set(user.id, request);
    }
    return request;
  };
  return {
    requestAs,
    callAs: async <R>(
      user: Pick<User, "id">,
      action: ServerAction<R>,
      input: unknown,
    ): Promise<ActionResult<R>> => callAction(action, input, await requestAs(user)),
  };
}
