import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { platformAccountStore } from "@/lib/auth/account-store";
import { changePassword } from "@/lib/auth/change-password";
import { AUTH_POLICY } from "@/lib/auth/policy";
import { signInWithPassword } from "@/lib/auth/sign-in";
import type { User } from "@/lib/generated/central/client";
import { createProcessPlatform, type TestPlatform } from "@/lib/testing/platform";
import { createPlatformUser, PLATFORM_USER_PASSWORD, platformCaller } from "@/lib/testing/platform-users";
import { TEST_CLIENT } from "@/lib/testing/requests";
import { changePasswordAction } from "./change-password";

let platform: TestPlatform;
let caller: ReturnType<typeof platformCaller>;

beforeAll(async () => {
  platform = await createProcessPlatform();
  caller = platformCaller(platform.central);
});

afterAll(async () => {
  await platform?.cleanup();
});

const NEW_PASSWORD = "a-brand-new-password";
const change = (user: User, currentPassword: string) =>
  caller.callAs(user, changePasswordAction, {
    currentPassword,
    newPassword: NEW_PASSWORD,
    confirmPassword: NEW_PASSWORD,
  });
const messageOf = (result: Awaited<ReturnType<typeof change>>) =>
  result.ok ? "changed" : result.error.message;
const auditOf = (user: User) =>
  platform.central.auditEvent.findMany({ where: { actorId: user.id }, orderBy: { at: "asc" } });

describe("change password", () => {
  it("locks after five wrong current passwords, like sign-in, and audits every failure", async () => {
    const admin = await createPlatformUser(platform.central, { role: "CLINIC_ADMIN" });
    const answers: string[] = [];
    for (let attempt = 1; attempt <= AUTH_POLICY.accountFailures; attempt++)
      answers.push(messageOf(await change(admin, "not-my-password")));
    answers.push(messageOf(await change(admin, PLATFORM_USER_PASSWORD)));

    expect(answers).toEqual([
      ...Array(AUTH_POLICY.accountFailures - 1).fill("The current password is not right."),
      "Too many wrong passwords. Try again in 15 minutes.",
      "Too many wrong passwords. Try again in 15 minutes.",
    ]);
    // The same lock as sign-in's: the password cannot be tried there instead.
    const signIn = await signInWithPassword({
      store: platformAccountStore(platform.central),
      central: platform.central,
      email: admin.email,
      password: PLATFORM_USER_PASSWORD,
      ip: null,
      userAgent: "vitest",
    });
    expect(signIn).toEqual({ ok: false, message: "Too many failed sign-ins. Try again in 15 minutes." });
    const audit = await auditOf(admin);
    expect(audit.map((event) => event.action)).toEqual([
      ...Array(AUTH_POLICY.accountFailures).fill("password.change-failed"),
      "password.change-refused-locked",
      "sign-in.refused-locked",
    ]);
    expect(audit[0]).toMatchObject({ actorEmail: admin.email, ...TEST_CLIENT });
    expect(JSON.stringify(audit)).not.toContain("not-my-password");
  });

  it("starts counting again after the right current password", async () => {
    const admin = await createPlatformUser(platform.central, { role: "CLINIC_ADMIN" });
    const store = platformAccountStore(platform.central);
    const attempt = (currentPassword: string, newPassword = NEW_PASSWORD) =>
      changePassword({
        store,
        central: platform.central,
        accountId: admin.id,
        currentPassword,
        newPassword,
        client: TEST_CLIENT,
      }).then(
        () => "changed",
        (error: Error) => error.message,
      );
    const wrongTries = async () => {
      const answers: string[] = [];
      for (let i = 1; i < AUTH_POLICY.accountFailures; i++) answers.push(await attempt("not-my-password"));
      return answers;
    };

    expect(await wrongTries()).toEqual(Array(4).fill("The current password is not right."));
    expect(await attempt(PLATFORM_USER_PASSWORD)).toBe("changed");
    expect(await wrongTries()).toEqual(Array(4).fill("The current password is not right."));
    expect(await attempt(NEW_PASSWORD, "yet-another-password")).toBe("changed");
  });
});
