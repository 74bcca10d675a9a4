import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ActionRequest } from "@/lib/action-pipeline/request";
import { callAction } from "@/lib/action-pipeline/testing";
import { createLocationAction } from "@/lib/actions/locations/create-location";
import { changeStaffRoleAction } from "@/lib/actions/staff/change-staff-role";
import { createStaffMemberAction } from "@/lib/actions/staff/create-staff-member";
import { deactivateStaffMemberAction } from "@/lib/actions/staff/deactivate-staff-member";
import type { User } from "@/lib/generated/central/client";
import { resetClinicAdminPassword, setClinicAdminStatus } from "@/lib/super/clinic-admins";
import { CentralChangeListener } from "@/lib/tenancy/central-change-listener";
import { type ClinicFixture, createClinicFixture } from "@/lib/testing/clinic-fixture";
import { createPlatformUser } from "@/lib/testing/platform-users";
import { clinicHost, TEST_CLIENT } from "@/lib/testing/requests";
import { platformAccountStore } from "./account-store";
import { actorOf } from "./actor";
import { AdminAccess, getAdminAccess } from "./admin-access";
import { issueClinicTicket, redeemClinicTicket } from "./tickets";

let clinic: ClinicFixture;
let superAdmin: User;

beforeAll(async () => {
  clinic = await createClinicFixture({ subdomain: "deleg" });
  superAdmin = await createPlatformUser(clinic.platform.central, { role: "SUPER_ADMIN" });
});

afterAll(async () => {
  await clinic?.cleanup();
});

const central = () => clinic.platform.central;
const clinicRow = () => central().clinic.findUniqueOrThrow({ where: { subdomain: "deleg" } });
const superActor = () =>
  actorOf(
    {
      realm: { kind: "platform" },
      sessionId: "-",
      user: { ...superAdmin, role: superAdmin.role },
      mustChangePassword: false,
    },
    TEST_CLIENT,
  );

/** A clinic admin signed into the console (a session of their own) who pressed "Open clinic". */
async function openClinic(user: Pick<User, "id">, consoleSessionId?: string): Promise<ActionRequest> {
  const sessionId =
    consoleSessionId ??
    (
      await platformAccountStore(central()).createSession({
        accountId: user.id,
        ip: null,
        userAgent: null,
        at: new Date(),
      })
    ).id;
  const ticket = await issueClinicTicket({
    central: central(),
    clinic: await clinicRow(),
    userId: user.id,
    authSessionId: sessionId,
  });
  const result = await redeemClinicTicket({ ticket, subdomain: "deleg", ...TEST_CLIENT });
  if (!result.ok) throw new Error(result.message);
  return { host: clinicHost("deleg"), claims: result.claims, client: TEST_CLIENT };
}

async function newCoAdmin(): Promise<User> {
  const admin = await createPlatformUser(central(), { role: "CLINIC_ADMIN" });
  await central().clinicCoAdmin.create({ data: { clinicId: (await clinicRow()).id, userId: admin.id } });
  return admin;
}

let branch = 0;
const addLocation = (request: ActionRequest) =>
  callAction(
    createLocationAction,
    { name: `Branch ${++branch}`, openingHours: [[], [], [], [], [], [], []] },
    request,
  );
const SESSION_ENDED = {
  ok: false,
  error: { code: "FORBIDDEN", message: "Your session has ended. Please sign in again." },
};
/**
 * A central change reaches this process's cached answers through NOTIFY, a few milliseconds after
 * its commit (longer on a loaded machine): waits until it has, as the next request after it would
 * see it, before that request is made.
 */
async function untilNoticed(admin: Pick<User, "id">): Promise<void> {
  const session = await clinic.db.staffSession.findFirstOrThrow({ where: { delegatedByUserId: admin.id } });
  const delegation = {
    userId: admin.id,
    centralSessionId: session.centralSessionId ?? "",
    sessionVersion: session.centralSessionVersion ?? -1,
  };
  const deadline = Date.now() + 5_000;
  while ((await getAdminAccess().roleIn("deleg", delegation)) !== null) {
    expect(Date.now(), "the NOTIFY reached this process's cache").toBeLessThan(deadline);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}
const staffOf = (email: string) => clinic.db.staffUser.findUniqueOrThrow({ where: { email } });

describe("a clinic admin's way into a clinic", () => {
  it("lets the owner in as OWNER and a co-admin as MANAGER, whatever their staff rows say", async () => {
    const owner = await openClinic(clinic.platform.owner);
    expect(owner.claims?.role).toBe("OWNER");
    expect(await addLocation(owner)).toMatchObject({ ok: true });
    const coAdmin = await newCoAdmin();
    const request = await openClinic(coAdmin);
    expect(request.claims?.role).toBe("MANAGER");
    expect(await staffOf(coAdmin.email)).toMatchObject({ role: "MANAGER", status: "ACTIVE" });
    // Even made an owner inside the clinic, the co-admin's way in stays a manager's.
    await clinic.db.staffUser.update({ where: { email: coAdmin.email }, data: { role: "OWNER" } });
    const ownerOnly = "Only an owner can add owners, make someone an owner or change an owner's account.";
    expect(
      await callAction(
        createStaffMemberAction,
        { name: "Back Door", email: "back-door@deleg.test", role: "OWNER" },
        request,
      ),
    ).toMatchObject({ ok: false, error: { code: "FORBIDDEN", message: ownerOnly } });
    const ownerStaff = await staffOf(clinic.platform.owner.email);
    expect(await callAction(deactivateStaffMemberAction, { staffId: ownerStaff.id }, request)).toMatchObject({
      ok: false,
      error: { message: ownerOnly },
    });
    expect(
      await callAction(changeStaffRoleAction, { staffId: ownerStaff.id, role: "NURSE" }, request),
    ).toMatchObject({ ok: false, error: { message: ownerOnly } });
    expect(await staffOf(clinic.platform.owner.email)).toMatchObject({ role: "OWNER", status: "ACTIVE" });
  });

  it.each([
    [
      "removed as co-admin",
      async (admin: User) => {
        await central().clinicCoAdmin.deleteMany({ where: { userId: admin.id } });
      },
    ],
    [
      "disabled by a super admin",
      async (admin: User) => {
        await setClinicAdminStatus({
          central: central(),
          actor: superActor(),
          userId: admin.id,
          status: "DISABLED",
        });
      },
    ],
    [
      "given a new password by a super admin",
      async (admin: User) => {
        await resetClinicAdminPassword({ central: central(), actor: superActor(), userId: admin.id });
      },
    ],
    [
      "signed out everywhere",
      async (admin: User) => {
        const store = platformAccountStore(central());
        await store.update(admin.id, { bumpSessionVersion: true });
        await store.revokeSessions({ accountId: admin.id }, new Date());
      },
    ],
  ])("ends a co-admin's clinic session once they are %s, for good", async (_what, change) => {
    const admin = await newCoAdmin();
    const request = await openClinic(admin);
    expect(await addLocation(request)).toMatchObject({ ok: true });
    await change(admin);
    await untilNoticed(admin);
    const locations = await clinic.db.location.count();
    expect(await addLocation(request)).toEqual(SESSION_ENDED);
    expect(await clinic.db.location.count()).toBe(locations);
    const sessions = await clinic.db.staffSession.findMany({ where: { delegatedByUserId: admin.id } });
    expect(sessions.map((session) => session.revokedAt)).toEqual([expect.any(Date)]);
  });

  it("ends the clinic session with the console session that opened it", async () => {
    const admin = await newCoAdmin();
    const store = platformAccountStore(central());
    const consoleSession = await store.createSession({
      accountId: admin.id,
      ip: null,
      userAgent: null,
      at: new Date(),
    });
    const request = await openClinic(admin, consoleSession.id);
    expect(await addLocation(request)).toMatchObject({ ok: true });
    await store.revokeSessions({ id: consoleSession.id }, new Date());
    await untilNoticed(admin);
    expect(await addLocation(request)).toEqual(SESSION_ENDED);
  });

  it("gives the central owner their staff account back, active and OWNER, and says so in the clinic's log", async () => {
    const ownerEmail = clinic.platform.owner.email;
    await openClinic(clinic.platform.owner);
    await clinic.db.staffUser.update({
      where: { email: ownerEmail },
      data: { status: "DEACTIVATED", role: "NURSE" },
    });
    const request = await openClinic(clinic.platform.owner);
    expect(await addLocation(request)).toMatchObject({ ok: true });
    const staff = await staffOf(ownerEmail);
    expect(staff).toMatchObject({ role: "OWNER", status: "ACTIVE" });
    expect(
      await clinic.db.auditEvent.findFirstOrThrow({
        where: { action: "staff.owner-restored", targetId: staff.id },
      }),
    ).toMatchObject({ details: { fromRole: "NURSE", fromStatus: "DEACTIVATED" } });
  });

  it("refuses a co-admin whose staff account the clinic deactivated", async () => {
    const admin = await newCoAdmin();
    await openClinic(admin);
    await clinic.db.staffUser.update({ where: { email: admin.email }, data: { status: "DEACTIVATED" } });
    await expect(openClinic(admin)).rejects.toThrow("Your staff account in this clinic is deactivated.");
  });

  it("writes the first Open clinic after a super admin's password reset to the clinic's log, with who and when", async () => {
    const admin = await newCoAdmin();
    await openClinic(admin);
    await resetClinicAdminPassword({ central: central(), actor: superActor(), userId: admin.id });
    const fresh = await central().user.findUniqueOrThrow({ where: { id: admin.id } });
    await openClinic(fresh);
    await openClinic(fresh);
    const staff = await staffOf(admin.email);
    const entries = await clinic.db.auditEvent.findMany({
      where: { action: "sign-in.ticket", actorId: staff.id },
      orderBy: { at: "asc" },
    });
    expect(entries.map((entry) => entry.details)).toEqual([
      { as: "MANAGER" },
      { as: "MANAGER", afterPasswordResetBy: superAdmin.name, passwordResetAt: expect.any(String) },
      { as: "MANAGER" },
    ]);
  });
});

describe("the cache of admin access", () => {
  it("sees a removal at once through NOTIFY, and caches nothing while it is not listening", async () => {
    const admin = await newCoAdmin();
    const session = await platformAccountStore(central()).createSession({
      accountId: admin.id,
      ip: null,
      userAgent: null,
      at: new Date(),
    });
    const delegation = {
      userId: admin.id,
      centralSessionId: session.id,
      sessionVersion: admin.sessionVersion,
    };
    const listener = new CentralChangeListener({ url: clinic.platform.centralUrl });
    const cached = new AdminAccess({ central: central(), listener, ttlMs: 60_000 });
    const uncached = new AdminAccess({
      central: central(),
      listener: new CentralChangeListener({ url: clinic.platform.centralUrl }),
      ttlMs: 60_000,
    });
    try {
      await listener.start();
      expect(await cached.roleIn("deleg", delegation)).toBe("MANAGER");
      expect(await uncached.roleIn("deleg", delegation)).toBe("MANAGER");
      await central().clinicCoAdmin.deleteMany({ where: { userId: admin.id } });
      // The never-started listener is not listening: its cache is bypassed, the answer is fresh.
      expect(await uncached.roleIn("deleg", delegation)).toBeNull();
      const deadline = Date.now() + 5_000;
      while ((await cached.roleIn("deleg", delegation)) !== null) {
        expect(Date.now(), "the NOTIFY reached the cache").toBeLessThan(deadline);
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
    } finally {
      await listener.close();
    }
  });
});
