import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ActionRequest } from "@/lib/action-pipeline/request";
import type { ServerAction } from "@/lib/action-pipeline/result";
import { callAction } from "@/lib/action-pipeline/testing";
import { clinicAccountStore } from "@/lib/auth/account-store";
import { resolveSession } from "@/lib/auth/session";
import { findAuditEvents } from "@/lib/clinic/audit";
import { deactivateStaffMember } from "@/lib/clinic/staff";
import { type ClinicFixture, createClinicFixture, type TestMember } from "@/lib/testing/clinic-fixture";
import { clinicRequestFor, TEST_CLIENT } from "@/lib/testing/requests";
import { rolesWith } from "@/lib/testing/roles";
import { changeStaffRoleAction } from "./change-staff-role";
import { createStaffMemberAction } from "./create-staff-member";
import { deactivateStaffMemberAction } from "./deactivate-staff-member";
import { reactivateStaffMemberAction } from "./reactivate-staff-member";

let clinic: ClinicFixture;

beforeAll(async () => {
  clinic = await createClinicFixture({ subdomain: "cedar" });
});

afterAll(async () => {
  await clinic?.cleanup();
});

const ownerOnly = {
  ok: false,
  error: {
    code: "FORBIDDEN",
    message: "Only an owner can add owners, make someone an owner or change an owner's account.",
  },
};

const rowOf = (member: TestMember) => clinic.db.staffUser.findUniqueOrThrow({ where: { id: member.id } });

describe("nobody manages their own account", () => {
  it.each(rolesWith("staff.manage"))(
    "a %s cannot change their own role or deactivate themselves",
    async (role) => {
      const self = clinic.members[role];
      expect(
        await clinic.callAs(self, changeStaffRoleAction, { staffId: self.id, role: "DOCTOR" }),
      ).toMatchObject({
        ok: false,
        error: { code: "FORBIDDEN", message: "You cannot change your own role. Ask another owner." },
      });
      expect(await clinic.callAs(self, deactivateStaffMemberAction, { staffId: self.id })).toMatchObject({
        ok: false,
        error: { code: "FORBIDDEN", message: "You cannot deactivate your own account." },
      });
      expect(await rowOf(self)).toMatchObject({ role, status: "ACTIVE" });
    },
  );
});

describe("a manager cannot touch owners", () => {
  it("cannot add an owner", async () => {
    const result = await clinic.callAs(clinic.members.MANAGER, createStaffMemberAction, {
      name: "Would-be Owner",
      email: "would-be-owner@cedar.test",
      role: "OWNER",
    });
    expect(result).toEqual(ownerOnly);
    expect(
      await clinic.db.staffUser.findUnique({ where: { email: "would-be-owner@cedar.test" } }),
    ).toBeNull();
  });

  it("cannot make someone an owner", async () => {
    const doctor = await clinic.addMember("DOCTOR");
    const result = await clinic.callAs(clinic.members.MANAGER, changeStaffRoleAction, {
      staffId: doctor.id,
      role: "OWNER",
    });
    expect(result).toEqual(ownerOnly);
    expect((await rowOf(doctor)).role).toBe("DOCTOR");
  });

  it("cannot change an owner's role, deactivate or reactivate an owner", async () => {
    const owner = await clinic.addMember("OWNER");
    const manager = clinic.members.MANAGER;
    expect(await clinic.callAs(manager, changeStaffRoleAction, { staffId: owner.id, role: "NURSE" })).toEqual(
      ownerOnly,
    );
    expect(await clinic.callAs(manager, deactivateStaffMemberAction, { staffId: owner.id })).toEqual(
      ownerOnly,
    );
    expect(await rowOf(owner)).toMatchObject({ role: "OWNER", status: "ACTIVE" });
    await clinic.db.staffUser.update({ where: { id: owner.id }, data: { status: "DEACTIVATED" } });
    expect(await clinic.callAs(manager, reactivateStaffMemberAction, { staffId: owner.id })).toEqual(
      ownerOnly,
    );
    expect((await rowOf(owner)).status).toBe("DEACTIVATED");
  });

  it("while an owner can do all of it", async () => {
    const owner = clinic.members.OWNER;
    const created = await clinic.callAs(owner, createStaffMemberAction, {
      name: "Second Owner",
      email: "second-owner@cedar.test",
      role: "OWNER",
    });
    expect(created).toMatchObject({ ok: true, data: { staff: { role: "OWNER" } } });
    const doctor = await clinic.addMember("DOCTOR");
    expect(
      await clinic.callAs(owner, changeStaffRoleAction, { staffId: doctor.id, role: "OWNER" }),
    ).toMatchObject({
      ok: true,
      data: { role: "OWNER" },
    });
    expect(
      await clinic.callAs(owner, changeStaffRoleAction, { staffId: doctor.id, role: "MANAGER" }),
    ).toMatchObject({
      ok: true,
      data: { role: "MANAGER" },
    });
  });
});

describe("deactivation", () => {
  it("ends every session of the person at once", async () => {
    const nurse = await clinic.addMember("NURSE");
    const store = clinicAccountStore(clinic.subdomain, clinic.db);
    const sessions = await Promise.all(
      [1, 2].map(() =>
        store.createSession({ accountId: nurse.id, ip: null, userAgent: null, at: new Date() }),
      ),
    );
    const claimsOf = (sid: string) => ({
      realm: "clinic" as const,
      subdomain: clinic.subdomain,
      userId: nurse.id,
      role: nurse.role,
      sid,
      sv: 0,
    });
    expect(await resolveSession({ claims: claimsOf(sessions[0]?.id ?? ""), store })).not.toBeNull();

    const result = await clinic.callAs(clinic.members.MANAGER, deactivateStaffMemberAction, {
      staffId: nurse.id,
    });
    expect(result).toMatchObject({ ok: true, data: { status: "DEACTIVATED" } });
    const rows = await clinic.db.staffSession.findMany({ where: { staffId: nurse.id } });
    expect(rows.map((row) => row.revokedAt)).toEqual([expect.any(Date), expect.any(Date)]);
    for (const session of sessions)
      expect(await resolveSession({ claims: claimsOf(session.id), store })).toBeNull();
    await expect(
      clinic.db.auditEvent.findFirstOrThrow({ where: { action: "staff.deactivated", targetId: nurse.id } }),
    ).resolves.toMatchObject({ details: { email: nurse.email, sessionsEnded: 2 } });
  });
});

describe("the clinic's audit log", () => {
  it("pages newest first, with the actor's current name, and clamps pages out of range", async () => {
    // A clinic of this test's own: the log's totals count every event in it.
    const { db } = await clinic.addClinic("cedar-audit");
    const nurse = await db.staffUser.create({
      data: { email: "nurse@cedar-audit.test", name: "Nell Nurse", role: "NURSE", passwordHash: "!" },
    });
    const start = Date.UTC(2026, 0, 1);
    await db.auditEvent.createMany({
      data: Array.from({ length: 120 }, (_, index) => ({
        at: new Date(start + index * 60_000),
        action: `test.event-${index}`,
        actorId: nurse.id,
        actorEmail: nurse.email,
      })),
    });
    const first = await findAuditEvents({ db, page: 1 });
    expect(first).toMatchObject({ page: 1, pages: 3, total: 120 });
    expect(first.events).toHaveLength(50);
    expect(first.events[0]).toMatchObject({ action: "test.event-119", actorName: nurse.name });
    const last = await findAuditEvents({ db, page: 3 });
    expect(last.events.map((event) => event.action)).toEqual(
      Array.from({ length: 20 }, (_, index) => `test.event-${19 - index}`),
    );
    expect((await findAuditEvents({ db, page: 99 })).page).toBe(3);
    expect((await findAuditEvents({ db, page: Number.NaN })).page).toBe(1);
  });
});

describe("the last active owner", () => {
  it("survives two owners demoting each other at the same moment: one change wins, one is refused", async () => {
    // A clinic of this test's own, whose only active owners are these two.
    const owners = await clinic.addClinic("cedar-owners");
    await owners.db.staffUser.updateMany({ where: { role: "OWNER" }, data: { status: "DEACTIVATED" } });
    const addOwner = (name: string) =>
      owners.db.staffUser.create({
        data: { email: `${name}@cedar-owners.test`, name, role: "OWNER", passwordHash: "!" },
        select: { id: true, email: true, name: true, role: true },
      });
    const [first, second] = [await addOwner("olga"), await addOwner("oscar")];
    const requests = new Map<string, ActionRequest>();
    for (const owner of [first, second])
      requests.set(owner.id, await clinicRequestFor(owners.subdomain, owners.db, owner.id));
    const callAs = <R>(member: TestMember, action: ServerAction<R>, input: unknown) =>
      callAction(action, input, requests.get(member.id) as ActionRequest);
    const demote = (actor: TestMember, target: TestMember) =>
      callAs(actor, changeStaffRoleAction, { staffId: target.id, role: "MANAGER" });

    const results = await Promise.all([demote(first, second), demote(second, first)]);

    expect(results.filter((result) => result.ok)).toHaveLength(1);
    const refused = results.find((result) => !result.ok);
    expect(refused).toMatchObject({ ok: false, error: { code: "CONFLICT" } });
    expect(refused?.ok === false && refused.error.message).toMatch(
      /is the clinic's last active owner and cannot be given another role/,
    );
    const remaining = await owners.db.staffUser.findMany({ where: { role: "OWNER", status: "ACTIVE" } });
    expect(remaining).toHaveLength(1);
    const [owner] = remaining;
    if (!owner) throw new Error("no active owner left");
    const demoted = owner.id === first.id ? second : first;

    // Their next request reads their new role: a manager does not touch an owner.
    expect(await callAs(demoted, deactivateStaffMemberAction, { staffId: owner.id })).toEqual(ownerOnly);
    // A request that read their session just before the demotion still met the rule in the database.
    const stale = await deactivateStaffMember({
      db: owners.db,
      actor: { id: demoted.id, email: demoted.email, ...TEST_CLIENT, role: "OWNER" },
      staffId: owner.id,
    }).catch((error: unknown) => error);
    expect(stale).toMatchObject({
      code: "CONFLICT",
      message: expect.stringMatching(/is the clinic's last active owner and cannot be deactivated/),
    });
    expect(await owners.db.staffUser.count({ where: { role: "OWNER", status: "ACTIVE" } })).toBe(1);
  });
});
