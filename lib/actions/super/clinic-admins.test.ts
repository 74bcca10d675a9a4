import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { platformAccountStore } from "@/lib/auth/account-store";
import { verifyPassword } from "@/lib/auth/password";
import { AUTH_POLICY } from "@/lib/auth/policy";
import { resolveSession } from "@/lib/auth/session";
import { type SessionClaims, signInWithPassword } from "@/lib/auth/sign-in";
import type { User } from "@/lib/generated/central/client";
import { findClinicAdmins } from "@/lib/super/clinic-admins";
import { createProcessPlatform, type TestPlatform } from "@/lib/testing/platform";
import { createPlatformUser, platformCaller } from "@/lib/testing/platform-users";
import { TEST_CLIENT } from "@/lib/testing/requests";
import { createClinicAdminAction } from "./create-clinic-admin";
import { disableClinicAdminAction } from "./disable-clinic-admin";
import { enableClinicAdminAction } from "./enable-clinic-admin";
import { resetClinicAdminPasswordAction } from "./reset-clinic-admin-password";

let platform: TestPlatform;
let caller: ReturnType<typeof platformCaller>;
let superAdmin: User;

beforeAll(async () => {
  platform = await createProcessPlatform();
  caller = platformCaller(platform.central);
  superAdmin = await createPlatformUser(platform.central, { role: "SUPER_ADMIN" });
});

afterAll(async () => {
  await platform?.cleanup();
});

const store = () => platformAccountStore(platform.central);

let admins = 0;
/** A clinic admin created by the super admin, with an email no other test uses. */
async function createAdmin(email = `new.admin.${++admins}@clinics.test`) {
  const result = await caller.callAs(superAdmin, createClinicAdminAction, { name: "Nora New", email });
  if (!result.ok) throw new Error(result.error.message);
  return result.data;
}

const auditOf = (userId: string) =>
  platform.central.auditEvent.findMany({ where: { targetId: userId }, orderBy: { at: "asc" } });

function signIn(email: string, password: string, now?: Date) {
  return signInWithPassword({
    store: store(),
    central: platform.central,
    email,
    password,
    ip: null,
    userAgent: "vitest",
    now,
  });
}

async function signedIn(email: string, password: string): Promise<SessionClaims> {
  const result = await signIn(email, password);
  if (!result.ok) throw new Error(result.message);
  return result.claims;
}

describe("clinic admins", () => {
  it("creates a clinic admin whose temporary password works once and must be changed", async () => {
    const created = await createAdmin("Nora.New@Clinics.test");

    const row = await platform.central.user.findUniqueOrThrow({ where: { id: created.id } });
    expect(row).toMatchObject({
      email: "nora.new@clinics.test",
      role: "CLINIC_ADMIN",
      status: "ACTIVE",
      mustChangePassword: true,
    });
    expect(created.temporaryPassword.length).toBeGreaterThanOrEqual(AUTH_POLICY.minPasswordLength);
    expect(await verifyPassword(row.passwordHash, created.temporaryPassword)).toBe(true);

    const claims = await signedIn("nora.new@clinics.test", created.temporaryPassword);
    expect(await resolveSession({ claims, store: store() })).toMatchObject({ mustChangePassword: true });

    const audit = await auditOf(created.id);
    expect(audit).toEqual([
      expect.objectContaining({
        action: "clinic-admin.created",
        actorId: superAdmin.id,
        actorEmail: superAdmin.email,
        targetType: "user",
        targetId: created.id,
        ip: TEST_CLIENT.ip,
        userAgent: TEST_CLIENT.userAgent,
      }),
    ]);
    const written = JSON.stringify(await platform.central.auditEvent.findMany());
    expect(written).not.toContain(created.temporaryPassword);
    expect(written).not.toContain(row.passwordHash);
  });

  it("refuses a second account with the same email, whatever its case", async () => {
    const first = await createAdmin();
    const users = await platform.central.user.count();
    const again = await caller.callAs(superAdmin, createClinicAdminAction, {
      name: "Someone Else",
      email: first.email.toUpperCase(),
    });
    expect(again).toMatchObject({
      ok: false,
      error: { code: "CONFLICT", fields: { email: "Already in use." } },
    });
    expect(await platform.central.user.count()).toBe(users);
  });

  it("disabling a clinic admin revokes their sessions, so an existing one no longer resolves", async () => {
    const created = await createAdmin();
    const claims = await signedIn(created.email, created.temporaryPassword);
    expect(await resolveSession({ claims, store: store() })).not.toBeNull();

    expect(await caller.callAs(superAdmin, disableClinicAdminAction, { userId: created.id })).toEqual({
      ok: true,
      data: undefined,
    });

    expect(await resolveSession({ claims, store: store() })).toBeNull();
    const sessions = await platform.central.authSession.findMany({ where: { userId: created.id } });
    expect(sessions.map((session) => session.revokedAt)).toEqual([expect.any(Date)]);
    const row = await platform.central.user.findUniqueOrThrow({ where: { id: created.id } });
    expect(row).toMatchObject({ status: "DISABLED", sessionVersion: 1 });
    expect((await auditOf(created.id)).map((event) => event.action)).toEqual([
      "clinic-admin.created",
      "clinic-admin.disabled",
    ]);
  });

  it("a disabled clinic admin cannot sign in, and can again once enabled", async () => {
    const created = await createAdmin();
    expect(await caller.callAs(superAdmin, disableClinicAdminAction, { userId: created.id })).toMatchObject({
      ok: true,
    });

    expect(await signIn(created.email, created.temporaryPassword)).toEqual({
      ok: false,
      message: "This account is disabled. Ask your administrator to enable it.",
    });

    expect(await caller.callAs(superAdmin, enableClinicAdminAction, { userId: created.id })).toMatchObject({
      ok: true,
    });
    expect(await signIn(created.email, created.temporaryPassword)).toMatchObject({ ok: true });
  });

  it("locks an account after repeated failed sign-ins and lets it in after the lockout period", async () => {
    const created = await createAdmin();
    const now = new Date("2030-01-01T09:00:00Z");
    for (let attempt = 1; attempt < AUTH_POLICY.accountFailures; attempt++) {
      expect(await signIn(created.email, "not-the-password", now)).toEqual({
        ok: false,
        message: "Email or password is incorrect.",
      });
    }
    expect(await signIn(created.email, "not-the-password", now)).toEqual({
      ok: false,
      message: "Too many failed sign-ins. Try again in 15 minutes.",
    });

    const during = new Date(now.getTime() + 60_000);
    expect(await signIn(created.email, created.temporaryPassword, during)).toMatchObject({
      ok: false,
      message: "Too many failed sign-ins. Try again in 14 minutes.",
    });

    const after = new Date(now.getTime() + AUTH_POLICY.lockoutMs + 1_000);
    expect(await signIn(created.email, created.temporaryPassword, after)).toMatchObject({ ok: true });
  });

  it("resetting a password ends every session, lifts a lockout and requires a change", async () => {
    const created = await createAdmin();
    const claims = await signedIn(created.email, created.temporaryPassword);
    for (let attempt = 0; attempt < AUTH_POLICY.accountFailures; attempt++)
      await signIn(created.email, "not-the-password");
    const lockedInList = async () =>
      (await findClinicAdmins({ central: platform.central })).find((admin) => admin.id === created.id)
        ?.locked;
    expect(await lockedInList()).toBe(true);

    const reset = await caller.callAs(superAdmin, resetClinicAdminPasswordAction, { userId: created.id });
    if (!reset.ok) throw new Error(reset.error.message);
    expect(await lockedInList()).toBe(false);

    expect(reset.data.temporaryPassword).not.toBe(created.temporaryPassword);
    expect(await resolveSession({ claims, store: store() })).toBeNull();
    expect(await signIn(created.email, created.temporaryPassword)).toMatchObject({ ok: false });
    const fresh = await signedIn(created.email, reset.data.temporaryPassword);
    expect(await resolveSession({ claims: fresh, store: store() })).toMatchObject({
      mustChangePassword: true,
    });
    const audit = await auditOf(created.id);
    expect(audit.map((event) => event.action)).toEqual([
      "clinic-admin.created",
      "clinic-admin.password-reset",
    ]);
    expect(JSON.stringify(audit)).not.toContain(reset.data.temporaryPassword);
  });

  it("does not manage super admins through the clinic-admin actions", async () => {
    const other = await createPlatformUser(platform.central, { role: "SUPER_ADMIN" });
    expect(await caller.callAs(superAdmin, disableClinicAdminAction, { userId: other.id })).toMatchObject({
      ok: false,
      error: { code: "NOT_FOUND" },
    });
    expect(await platform.central.user.findUniqueOrThrow({ where: { id: other.id } })).toMatchObject({
      status: "ACTIVE",
    });
  });
});
