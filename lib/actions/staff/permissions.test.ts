import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { verifyPassword } from "@/lib/auth/password";
import { clinicRoleCan } from "@/lib/auth/permissions";
import type { StaffRole } from "@/lib/generated/tenant/enums";
import { STAFF_ROLES } from "@/lib/validations/staff";
import type { ClinicAction } from "../clinic-action";
import { updateClinicSettingsAction } from "../settings/update-clinic-settings";
import { changeStaffRoleAction } from "./change-staff-role";
import { createStaffMemberAction } from "./create-staff-member";
import { deactivateStaffMemberAction } from "./deactivate-staff-member";
import { reactivateStaffMemberAction } from "./reactivate-staff-member";
import { createStaffTestClinic, type StaffTestClinic, sessionOf, TEST_CLIENT } from "./staff-test-clinic";

let clinic: StaffTestClinic;

beforeAll(async () => {
  clinic = await createStaffTestClinic("birch");
});

afterAll(async () => {
  await clinic?.cleanup();
});

/** What a member of `role` gets when they call `action` from the clinic's host. */
function callAs<R>(role: StaffRole, action: ClinicAction<R>, input: unknown) {
  const { db, subdomain, members } = clinic;
  return action(input, { session: sessionOf(subdomain, members[role]), db, client: TEST_CLIENT });
}

const auditCount = () => clinic.db.auditEvent.count();
const forbidden = { ok: false, error: { code: "FORBIDDEN", message: "Your role does not allow this." } };

describe.each(STAFF_ROLES)("as %s", (role) => {
  const managesStaff = clinicRoleCan(role, "staff.manage");
  const managesSettings = clinicRoleCan(role, "settings.manage");

  it(`${managesStaff ? "adds" : "may not add"} a staff member`, async () => {
    const email = `added-by-${role.toLowerCase()}@birch.test`;
    const audits = await auditCount();
    const result = await callAs(role, createStaffMemberAction, { name: "Nia New", email, role: "NURSE" });
    const row = await clinic.db.staffUser.findUnique({ where: { email } });
    if (!managesStaff) {
      expect(result).toEqual(forbidden);
      expect(row).toBeNull();
      expect(await auditCount()).toBe(audits);
      return;
    }
    if (!result.ok) throw new Error(result.error.message);
    const { temporaryPassword, staff } = result.data;
    expect(row).toMatchObject({ id: staff.id, role: "NURSE", status: "ACTIVE", mustChangePassword: true });
    expect(temporaryPassword).toHaveLength(16);
    expect(row?.passwordHash).not.toContain(temporaryPassword);
    expect(await verifyPassword(row?.passwordHash ?? "", temporaryPassword)).toBe(true);
    const audit = await clinic.db.auditEvent.findFirstOrThrow({ where: { targetId: staff.id } });
    expect(audit).toMatchObject({
      action: "staff.created",
      actorId: clinic.members[role].id,
      actorEmail: clinic.members[role].email,
      ip: TEST_CLIENT.ip,
      userAgent: TEST_CLIENT.userAgent,
      details: { email, role: "NURSE" },
    });
    expect(JSON.stringify(audit)).not.toContain(temporaryPassword);
  });

  it(`${managesStaff ? "changes" : "may not change"} a member's role`, async () => {
    const target = await clinic.addMember("NURSE");
    const audits = await auditCount();
    const result = await callAs(role, changeStaffRoleAction, { staffId: target.id, role: "BILLING" });
    const row = await clinic.db.staffUser.findUniqueOrThrow({ where: { id: target.id } });
    if (!managesStaff) {
      expect(result).toEqual(forbidden);
      expect(row.role).toBe("NURSE");
      expect(await auditCount()).toBe(audits);
      return;
    }
    expect(result).toMatchObject({ ok: true, data: { id: target.id, role: "BILLING" } });
    expect(row.role).toBe("BILLING");
    await expect(
      clinic.db.auditEvent.findFirstOrThrow({ where: { targetId: target.id, action: "staff.role-changed" } }),
    ).resolves.toMatchObject({ details: { from: "NURSE", to: "BILLING" }, ip: TEST_CLIENT.ip });
  });

  it(`${managesStaff ? "deactivates and reactivates" : "may not deactivate or reactivate"} a member`, async () => {
    const target = await clinic.addMember("RECEPTIONIST");
    const statusOf = async () =>
      (await clinic.db.staffUser.findUniqueOrThrow({ where: { id: target.id } })).status;
    const audits = await auditCount();
    const deactivated = await callAs(role, deactivateStaffMemberAction, { staffId: target.id });
    if (!managesStaff) {
      expect(deactivated).toEqual(forbidden);
      expect(await statusOf()).toBe("ACTIVE");
      await clinic.db.staffUser.update({ where: { id: target.id }, data: { status: "DEACTIVATED" } });
      expect(await callAs(role, reactivateStaffMemberAction, { staffId: target.id })).toEqual(forbidden);
      expect(await statusOf()).toBe("DEACTIVATED");
      expect(await auditCount()).toBe(audits);
      return;
    }
    expect(deactivated).toMatchObject({ ok: true, data: { status: "DEACTIVATED" } });
    expect(await statusOf()).toBe("DEACTIVATED");
    const reactivated = await callAs(role, reactivateStaffMemberAction, { staffId: target.id });
    expect(reactivated).toMatchObject({ ok: true, data: { status: "ACTIVE" } });
    expect(await statusOf()).toBe("ACTIVE");
    const actions = await clinic.db.auditEvent.findMany({
      where: { targetId: target.id },
      orderBy: { at: "asc" },
      select: { action: true, actorId: true },
    });
    expect(actions).toEqual([
      { action: "staff.deactivated", actorId: clinic.members[role].id },
      { action: "staff.reactivated", actorId: clinic.members[role].id },
    ]);
  });

  it(`${managesSettings ? "saves" : "may not save"} the clinic settings`, async () => {
    const before = await clinic.db.clinicSetting.findUniqueOrThrow({ where: { id: 1 } });
    const audits = await auditCount();
    const name = `Birch Clinic (${role.toLowerCase()})`;
    const result = await callAs(role, updateClinicSettingsAction, {
      name,
      timezone: "Europe/Berlin",
      currency: "eur",
      contactEmail: "Front.Desk@birch.test",
      contactPhone: "+49 30 1234567",
    });
    const after = await clinic.db.clinicSetting.findUniqueOrThrow({ where: { id: 1 } });
    const central = await clinic.platform.central.clinic.findUniqueOrThrow({ where: { subdomain: "birch" } });
    if (!managesSettings) {
      expect(result).toEqual(forbidden);
      expect(after).toEqual(before);
      expect(central.name).toBe(before.name);
      expect(await auditCount()).toBe(audits);
      return;
    }
    const saved = {
      name,
      timezone: "Europe/Berlin",
      currency: "EUR",
      contactEmail: "front.desk@birch.test",
      contactPhone: "+49 30 1234567",
    };
    expect(result).toEqual({ ok: true, data: saved });
    expect(after).toMatchObject(saved);
    expect(central.name).toBe(name);
    await expect(
      clinic.db.auditEvent.findFirstOrThrow({
        where: { action: "clinic-settings.updated", actorId: clinic.members[role].id },
      }),
    ).resolves.toMatchObject({ ip: TEST_CLIENT.ip, userAgent: TEST_CLIENT.userAgent });
  });
});

describe("bad input", () => {
  it("refuses a new member with a blank name, a malformed email and an unknown role, writing nothing", async () => {
    const [staff, audits] = [await clinic.db.staffUser.count(), await auditCount()];
    const result = await callAs("OWNER", createStaffMemberAction, {
      name: "  ",
      email: "nobody",
      role: "CHIEF",
    });
    expect(result).toMatchObject({
      ok: false,
      error: {
        code: "INVALID",
        fields: {
          name: "Enter the person's name.",
          email: "Enter a valid email address, like name@clinic.com.",
          role: "Choose a role.",
        },
      },
    });
    expect(await clinic.db.staffUser.count()).toBe(staff);
    expect(await auditCount()).toBe(audits);
  });

  it("refuses an email already in use, whatever its case", async () => {
    const staff = await clinic.db.staffUser.count();
    const result = await callAs("MANAGER", createStaffMemberAction, {
      name: "Second Nurse",
      email: clinic.members.NURSE.email.toUpperCase(),
      role: "NURSE",
    });
    expect(result).toMatchObject({
      ok: false,
      error: { code: "CONFLICT", fields: { email: "Someone in this clinic already uses this email." } },
    });
    expect(await clinic.db.staffUser.count()).toBe(staff);
  });

  it("refuses a role change for someone who does not exist, or with a malformed id", async () => {
    const missing = await callAs("OWNER", changeStaffRoleAction, {
      staffId: "00000000-0000-4000-8000-000000000000",
      role: "NURSE",
    });
    expect(missing).toMatchObject({ ok: false, error: { code: "NOT_FOUND" } });
    const malformed = await callAs("OWNER", deactivateStaffMemberAction, { staffId: "1; DROP TABLE staff" });
    expect(malformed).toMatchObject({
      ok: false,
      error: { code: "INVALID", fields: { staffId: "Choose a staff member." } },
    });
  });

  it("refuses settings with an unknown time zone, a bad currency and a bad contact email, writing nothing", async () => {
    const before = await clinic.db.clinicSetting.findUniqueOrThrow({ where: { id: 1 } });
    const result = await callAs("OWNER", updateClinicSettingsAction, {
      name: "B",
      timezone: "Mars/Olympus_Mons",
      currency: "EURO",
      contactEmail: "desk-at-birch",
      contactPhone: "",
    });
    expect(result).toMatchObject({
      ok: false,
      error: {
        code: "INVALID",
        fields: {
          name: "Give the clinic a name of at least 2 characters.",
          timezone: "Choose a time zone from the list, e.g. Europe/Berlin.",
          currency: "Use a 3-letter ISO 4217 currency code, e.g. EUR or USD.",
          contactEmail: "Enter a valid email address, or leave it blank.",
        },
      },
    });
    expect(await clinic.db.clinicSetting.findUniqueOrThrow({ where: { id: 1 } })).toEqual(before);
  });

  it("accepts settings as the form's resolver already parsed them (blank contacts as null)", async () => {
    const current = await clinic.db.clinicSetting.findUniqueOrThrow({ where: { id: 1 } });
    const result = await callAs("OWNER", updateClinicSettingsAction, {
      name: current.name,
      timezone: "UTC",
      currency: "USD",
      contactEmail: null,
      contactPhone: null,
    });
    expect(result).toMatchObject({
      ok: true,
      data: { timezone: "UTC", contactEmail: null, contactPhone: null },
    });
  });
});
