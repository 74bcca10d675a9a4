import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { verifyPassword } from "@/lib/auth/password";
import type { StaffRole } from "@/lib/generated/tenant/enums";
import { type ClinicFixture, createClinicFixture } from "@/lib/testing/clinic-fixture";
import { TEST_CLIENT } from "@/lib/testing/requests";
import { ROLE_REFUSED, rolesWith, rolesWithout } from "@/lib/testing/roles";
import { updateClinicSettingsAction } from "../settings/update-clinic-settings";
import { changeStaffRoleAction } from "./change-staff-role";
import { createStaffMemberAction } from "./create-staff-member";
import { deactivateStaffMemberAction } from "./deactivate-staff-member";
import { reactivateStaffMemberAction } from "./reactivate-staff-member";

let clinic: ClinicFixture;

beforeAll(async () => {
  clinic = await createClinicFixture({ subdomain: "birch", name: "Birch Clinic" });
});

afterAll(async () => {
  await clinic?.cleanup();
});

const auditCount = () => clinic.db.auditEvent.count();
const statusOf = async (staffId: string) =>
  (await clinic.db.staffUser.findUniqueOrThrow({ where: { id: staffId } })).status;

describe.each(rolesWith("staff.manage"))("a %s, who manages staff", (role) => {
  it("adds a staff member with a one-time temporary password, kept only as a hash", async () => {
    const email = `added-by-${role.toLowerCase()}@birch.test`;
    const result = await clinic.callAs(role, createStaffMemberAction, {
      name: "Nia New",
      email,
      role: "NURSE",
    });

    if (!result.ok) throw new Error(result.error.message);
    const { temporaryPassword, staff } = result.data;
    const row = await clinic.db.staffUser.findUniqueOrThrow({ where: { email } });
    expect(row).toMatchObject({ id: staff.id, role: "NURSE", status: "ACTIVE", mustChangePassword: true });
    expect(temporaryPassword).toHaveLength(16);
    expect(row.passwordHash).not.toContain(temporaryPassword);
    expect(await verifyPassword(row.passwordHash, temporaryPassword)).toBe(true);
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

  it("changes a member's role, and the audit trail says from what to what", async () => {
    const target = await clinic.addMember("NURSE");
    const result = await clinic.callAs(role, changeStaffRoleAction, { staffId: target.id, role: "BILLING" });

    expect(result).toMatchObject({ ok: true, data: { id: target.id, role: "BILLING" } });
    expect((await clinic.db.staffUser.findUniqueOrThrow({ where: { id: target.id } })).role).toBe("BILLING");
    await expect(
      clinic.db.auditEvent.findFirstOrThrow({ where: { targetId: target.id, action: "staff.role-changed" } }),
    ).resolves.toMatchObject({
      actorId: clinic.members[role].id,
      details: { from: "NURSE", to: "BILLING" },
      ip: TEST_CLIENT.ip,
    });
  });

  it("deactivates and reactivates a member, each step in the audit trail", async () => {
    const target = await clinic.addMember("RECEPTIONIST");
    const deactivated = await clinic.callAs(role, deactivateStaffMemberAction, { staffId: target.id });
    expect(deactivated).toMatchObject({ ok: true, data: { status: "DEACTIVATED" } });
    expect(await statusOf(target.id)).toBe("DEACTIVATED");

    const reactivated = await clinic.callAs(role, reactivateStaffMemberAction, { staffId: target.id });
    expect(reactivated).toMatchObject({ ok: true, data: { status: "ACTIVE" } });
    expect(await statusOf(target.id)).toBe("ACTIVE");
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
});

describe.each(rolesWithout("staff.manage"))("a %s, who does not manage staff", (role) => {
  it("may not add a staff member, and nothing is written", async () => {
    const email = `added-by-${role.toLowerCase()}@birch.test`;
    const audits = await auditCount();
    const result = await clinic.callAs(role, createStaffMemberAction, {
      name: "Nia New",
      email,
      role: "NURSE",
    });

    expect(result).toEqual(ROLE_REFUSED);
    expect(await clinic.db.staffUser.findUnique({ where: { email } })).toBeNull();
    expect(await auditCount()).toBe(audits);
  });

  it("may not change a member's role", async () => {
    const target = await clinic.addMember("NURSE");
    const audits = await auditCount();
    const result = await clinic.callAs(role, changeStaffRoleAction, { staffId: target.id, role: "BILLING" });

    expect(result).toEqual(ROLE_REFUSED);
    expect((await clinic.db.staffUser.findUniqueOrThrow({ where: { id: target.id } })).role).toBe("NURSE");
    expect(await auditCount()).toBe(audits);
  });

  it("may not deactivate or reactivate a member", async () => {
    const target = await clinic.addMember("RECEPTIONIST");
    const audits = await auditCount();
    expect(await clinic.callAs(role, deactivateStaffMemberAction, { staffId: target.id })).toEqual(
      ROLE_REFUSED,
    );
    expect(await statusOf(target.id)).toBe("ACTIVE");

    await clinic.db.staffUser.update({ where: { id: target.id }, data: { status: "DEACTIVATED" } });
    expect(await clinic.callAs(role, reactivateStaffMemberAction, { staffId: target.id })).toEqual(
      ROLE_REFUSED,
    );
    expect(await statusOf(target.id)).toBe("DEACTIVATED");
    expect(await auditCount()).toBe(audits);
  });
});

const settingsOf = (role: StaffRole) => ({
  name: `Birch Clinic (${role.toLowerCase()})`,
  timezone: "Europe/Berlin",
  currency: "eur",
  contactEmail: "Front.Desk@birch.test",
  contactPhone: "+49 30 1234567",
  dateOrder: "MDY",
  hour12: true,
  country: "UK",
  paperSize: "LETTER",
});
const centralName = async () =>
  (await clinic.platform.central.clinic.findUniqueOrThrow({ where: { subdomain: clinic.subdomain } })).name;

describe.each(rolesWith("settings.manage"))("a %s, who manages the clinic's settings", (role) => {
  it("saves them, normalised, and the clinic directory takes the new name", async () => {
    const result = await clinic.callAs(role, updateClinicSettingsAction, settingsOf(role));

    const saved = {
      name: `Birch Clinic (${role.toLowerCase()})`,
      timezone: "Europe/Berlin",
      currency: "EUR",
      contactEmail: "front.desk@birch.test",
      contactPhone: "+49 30 1234567",
      dateOrder: "MDY",
      hour12: true,
      unitSystem: "METRIC",
      maxUploadMb: 10,
      country: "UK",
      paperSize: "LETTER",
      legalName: null,
      legalAddress: null,
      taxId: null,
      pricesIncludeTax: false,
      noShowItemId: null,
    };
    expect(result).toEqual({ ok: true, data: saved });
    expect(await clinic.db.clinicSetting.findUniqueOrThrow({ where: { id: 1 } })).toMatchObject(saved);
    expect(await centralName()).toBe(saved.name);
    await expect(
      clinic.db.auditEvent.findFirstOrThrow({
        where: { action: "clinic-settings.updated", actorId: clinic.members[role].id },
      }),
    ).resolves.toMatchObject({ ip: TEST_CLIENT.ip, userAgent: TEST_CLIENT.userAgent });
  });
});

describe("the clinic's way of writing dates and times", () => {
  it("stays as it is when a save leaves it out, and refuses an order the fields cannot read", async () => {
    await clinic.db.clinicSetting.update({ where: { id: 1 }, data: { dateOrder: "YMD", hour12: true } });
    const { dateOrder: _order, hour12: _clock, ...rest } = settingsOf("OWNER");
    expect(await clinic.callAs("OWNER", updateClinicSettingsAction, rest)).toMatchObject({
      ok: true,
      data: { dateOrder: "YMD", hour12: true },
    });
    expect(
      await clinic.callAs("OWNER", updateClinicSettingsAction, { ...rest, dateOrder: "DDMMYY" }),
    ).toMatchObject({ ok: false, error: { fields: { dateOrder: "Choose how dates are written." } } });
  });
});

describe.each(rolesWithout("settings.manage"))("a %s, who does not manage the clinic's settings", (role) => {
  it("may not save them, and neither the clinic nor its directory entry changes", async () => {
    const before = await clinic.db.clinicSetting.findUniqueOrThrow({ where: { id: 1 } });
    const nameBefore = await centralName();
    const audits = await auditCount();
    const result = await clinic.callAs(role, updateClinicSettingsAction, settingsOf(role));

    expect(result).toEqual(ROLE_REFUSED);
    expect(await clinic.db.clinicSetting.findUniqueOrThrow({ where: { id: 1 } })).toEqual(before);
    expect(await centralName()).toBe(nameBefore);
    expect(await auditCount()).toBe(audits);
  });
});

describe("bad input", () => {
  it("refuses a new member with a blank name, a malformed email and an unknown role, writing nothing", async () => {
    const [staff, audits] = [await clinic.db.staffUser.count(), await auditCount()];
    const result = await clinic.callAs("OWNER", createStaffMemberAction, {
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
    const nurse = await clinic.addMember("NURSE");
    const staff = await clinic.db.staffUser.count();
    const result = await clinic.callAs("MANAGER", createStaffMemberAction, {
      name: "Second Nurse",
      email: nurse.email.toUpperCase(),
      role: "NURSE",
    });
    expect(result).toMatchObject({
      ok: false,
      error: { code: "CONFLICT", fields: { email: "Someone in this clinic already uses this email." } },
    });
    expect(await clinic.db.staffUser.count()).toBe(staff);
  });

  it("refuses a role change for someone who does not exist, or with a malformed id", async () => {
    const missing = await clinic.callAs("OWNER", changeStaffRoleAction, {
      staffId: "00000000-0000-4000-8000-000000000000",
      role: "NURSE",
    });
    expect(missing).toMatchObject({ ok: false, error: { code: "NOT_FOUND" } });
    const malformed = await clinic.callAs("OWNER", deactivateStaffMemberAction, {
      staffId: "1; DROP TABLE staff",
    });
    expect(malformed).toMatchObject({
      ok: false,
      error: { code: "INVALID", fields: { staffId: "Choose a staff member." } },
    });
  });

  it("refuses settings with an unknown time zone, a bad currency and a bad contact email, writing nothing", async () => {
    const before = await clinic.db.clinicSetting.findUniqueOrThrow({ where: { id: 1 } });
    const result = await clinic.callAs("OWNER", updateClinicSettingsAction, {
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
          currency: "Use a 3-letter currency code, e.g. EUR or USD.",
          contactEmail: "Enter a valid email address, or leave it blank.",
        },
      },
    });
    expect(await clinic.db.clinicSetting.findUniqueOrThrow({ where: { id: 1 } })).toEqual(before);
  });

  it("accepts settings as the form's resolver already parsed them (blank contacts as null)", async () => {
    const current = await clinic.db.clinicSetting.findUniqueOrThrow({ where: { id: 1 } });
    const result = await clinic.callAs("OWNER", updateClinicSettingsAction, {
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
