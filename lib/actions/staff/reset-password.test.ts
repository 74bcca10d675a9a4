import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { clinicAccountStore } from "@/lib/auth/account-store";
import { resolveSession } from "@/lib/auth/session";
import { signInWithPassword } from "@/lib/auth/sign-in";
import { TEMPORARY_PASSWORD_TTL_MS } from "@/lib/auth/temporary-password";
import { PASSWORD_RESETS_PER_HOUR } from "@/lib/clinic/staff-password-reset";
import { TICKET_ONLY_PASSWORD_HASH } from "@/lib/tenancy/clinic-seed";
import {
  type ClinicFixture,
  createClinicFixture,
  MEMBER_PASSWORD,
  type TestMember,
} from "@/lib/testing/clinic-fixture";
import { resetStaffPasswordAction } from "./reset-staff-password";

let clinic: ClinicFixture;

beforeAll(async () => {
  clinic = await createClinicFixture({ subdomain: "birch" });
});

afterAll(async () => {
  await clinic?.cleanup();
});

const store = () => clinicAccountStore(clinic.subdomain, clinic.db);
const signIn = (member: TestMember, password: string, now = new Date()) =>
  signInWithPassword({
    store: store(),
    central: clinic.platform.central,
    email: member.email,
    password,
    ip: null,
    userAgent: "vitest",
    now,
  });
const rowOf = (member: TestMember) => clinic.db.staffUser.findUniqueOrThrow({ where: { id: member.id } });
const refused = (message: string | RegExp) => ({
  ok: false,
  error: { message: expect.stringMatching(message) },
});

describe("a staff password reset", () => {
  it("gives a temporary password shown once, ends every session, and asks for a new password at sign-in", async () => {
    const nurse = await clinic.addMember("NURSE");
    const session = await store().createSession({
      accountId: nurse.id,
      ip: null,
      userAgent: null,
      at: new Date(),
    });
    const claims = {
      realm: "clinic" as const,
      subdomain: clinic.subdomain,
      userId: nurse.id,
      role: "NURSE",
      sid: session.id,
      sv: 0,
    };
    expect(await resolveSession({ claims, store: store() })).not.toBeNull();

    const before = Date.now();
    const result = await clinic.callAs("MANAGER", resetStaffPasswordAction, { staffId: nurse.id });
    if (!result.ok) throw new Error(result.error.message);
    const { temporaryPassword, expiresAt } = result.data;
    expect(temporaryPassword).toMatch(/^[a-km-zA-HJ-NP-Z2-9]{16}$/);
    expect(new Date(expiresAt).getTime()).toBeGreaterThanOrEqual(before + TEMPORARY_PASSWORD_TTL_MS);

    expect(await resolveSession({ claims, store: store() })).toBeNull();
    expect(await rowOf(nurse)).toMatchObject({
      mustChangePassword: true,
      temporaryPasswordExpiresAt: expiresAt,
    });
    expect(await signIn(nurse, MEMBER_PASSWORD)).toMatchObject({ ok: false });
    expect(await signIn(nurse, temporaryPassword)).toMatchObject({ ok: true });

    const audit = await clinic.db.auditEvent.findFirstOrThrow({
      where: { action: "staff.password-reset", targetId: nurse.id },
    });
    expect(audit).toMatchObject({
      actorId: clinic.members.MANAGER.id,
      details: { email: nurse.email, sessionsEnded: 1 },
    });
    expect(JSON.stringify(audit)).not.toContain(temporaryPassword);
  });

  it("ends a lockout from wrong passwords", async () => {
    const nurse = await clinic.addMember("NURSE");
    for (let i = 0; i < 5; i++) await signIn(nurse, "not-the-password");
    expect(await signIn(nurse, MEMBER_PASSWORD)).toMatchObject({
      ok: false,
      message: /Too many failed sign-ins/,
    });
    const result = await clinic.callAs("MANAGER", resetStaffPasswordAction, { staffId: nurse.id });
    if (!result.ok) throw new Error(result.error.message);
    expect(await signIn(nurse, result.data.temporaryPassword)).toMatchObject({ ok: true });
  });

  it("stops working once it expires unchanged", async () => {
    const doctor = await clinic.addMember("DOCTOR");
    const result = await clinic.callAs("OWNER", resetStaffPasswordAction, { staffId: doctor.id });
    if (!result.ok) throw new Error(result.error.message);
    const late = new Date(new Date(result.data.expiresAt).getTime() + 1000);
    expect(await signIn(doctor, result.data.temporaryPassword, late)).toEqual({
      ok: false,
      message: "This temporary password has expired. Ask an owner or manager of the clinic for a new one.",
    });
  });

  it("is refused to a manager for owners and managers, to anyone for a console-only account and for oneself", async () => {
    const owner = await clinic.addMember("OWNER");
    const manager = await clinic.addMember("MANAGER");
    const consoleOnly = await clinic.addMember("OWNER");
    await clinic.db.staffUser.update({
      where: { id: consoleOnly.id },
      data: { passwordHash: TICKET_ONLY_PASSWORD_HASH },
    });
    const snapshot = () => Promise.all([owner, manager, consoleOnly].map(rowOf));
    const before = await snapshot();

    expect(await clinic.callAs("MANAGER", resetStaffPasswordAction, { staffId: owner.id })).toMatchObject(
      refused(/^Only an owner can .* change an owner's account\.$/),
    );
    expect(await clinic.callAs("MANAGER", resetStaffPasswordAction, { staffId: manager.id })).toMatchObject(
      refused("Only an owner can reset a manager's password."),
    );
    expect(await clinic.callAs("OWNER", resetStaffPasswordAction, { staffId: consoleOnly.id })).toMatchObject(
      refused(/signs in only through the clinic admin console/),
    );
    expect(await clinic.callAs(manager, resetStaffPasswordAction, { staffId: manager.id })).toMatchObject(
      refused(/To change your own password/),
    );
    expect(await snapshot()).toEqual(before);
    // An owner may reset a manager's.
    expect(await clinic.callAs("OWNER", resetStaffPasswordAction, { staffId: manager.id })).toMatchObject({
      ok: true,
    });
  });

  it(`allows a person ${PASSWORD_RESETS_PER_HOUR} resets an hour`, async () => {
    const owner = await clinic.addMember("OWNER");
    const receptionist = await clinic.addMember("RECEPTIONIST");
    for (let i = 0; i < PASSWORD_RESETS_PER_HOUR; i++)
      expect(
        await clinic.callAs(owner, resetStaffPasswordAction, { staffId: receptionist.id }),
      ).toMatchObject({ ok: true });
    const hash = (await rowOf(receptionist)).passwordHash;
    expect(await clinic.callAs(owner, resetStaffPasswordAction, { staffId: receptionist.id })).toMatchObject(
      refused(/the most allowed\. Try again later/),
    );
    expect((await rowOf(receptionist)).passwordHash).toBe(hash);
  });
});
