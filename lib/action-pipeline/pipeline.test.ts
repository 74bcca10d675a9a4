import { redirect } from "next/navigation";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { z } from "zod";
import { createLocationAction } from "@/lib/actions/locations/create-location";
import { createClinicAdminAction } from "@/lib/actions/super/create-clinic-admin";
import { clinicAccountStore, platformAccountStore } from "@/lib/auth/account-store";
import type { User } from "@/lib/generated/central/client";
import { type ClinicFixture, createClinicFixture } from "@/lib/testing/clinic-fixture";
import { createPlatformUser, platformCaller } from "@/lib/testing/platform-users";
import { clinicHost, platformHost, TEST_CLIENT } from "@/lib/testing/requests";
import { defineClinicAction } from "./define-clinic-action";
import type { ActionRequest } from "./request";
import { callAction } from "./testing";

let clinic: ClinicFixture;
let superAdmin: User;
let platform: ReturnType<typeof platformCaller>;

beforeAll(async () => {
  clinic = await createClinicFixture({ subdomain: "pipe" });
  await clinic.addClinic("pipe-other");
  superAdmin = await createPlatformUser(clinic.platform.central, { role: "SUPER_ADMIN" });
  platform = platformCaller(clinic.platform.central);
});

afterAll(async () => {
  await clinic?.cleanup();
});

const closedAllWeek = Array.from({ length: 7 }, () => []);
let branch = 0;
const newLocation = () => ({ name: `Branch ${++branch}`, openingHours: closedAllWeek });
const locationCount = () => clinic.db.location.count();
const refused = (code: string, message: string) => ({ ok: false, error: { code, message } });
const SESSION_ENDED = refused("FORBIDDEN", "Your session has ended. Please sign in again.");

/** The manager's real session, sent with another Host header (or none). */
async function managerRequestOn(host: string | null): Promise<ActionRequest> {
  return { ...(await clinic.requestAs("MANAGER")), host };
}

describe("a clinic action", () => {
  it("runs for a member of the host's clinic whose role has the permission, and records who did it", async () => {
    const before = await locationCount();
    const result = await clinic.callAs("MANAGER", createLocationAction, newLocation());
    expect(result).toMatchObject({ ok: true });
    expect(await locationCount()).toBe(before + 1);
    const audit = await clinic.db.auditEvent.findFirstOrThrow({ where: { action: "location.created" } });
    expect(audit).toMatchObject({ actorId: clinic.members.MANAGER.id, ip: TEST_CLIENT.ip });
  });

  it("refuses a role without the permission, writing nothing", async () => {
    const before = await locationCount();
    expect(await clinic.callAs("RECEPTIONIST", createLocationAction, newLocation())).toEqual(
      refused("FORBIDDEN", "Your role does not allow this."),
    );
    expect(await locationCount()).toBe(before);
  });

  it("takes the role from the clinic's database, not from the cookie's claims", async () => {
    const request = await clinic.requestAs("RECEPTIONIST");
    const forged = { ...request, claims: request.claims && { ...request.claims, role: "OWNER" } };
    expect(await callAction(createLocationAction, newLocation(), forged)).toEqual(
      refused("FORBIDDEN", "Your role does not allow this."),
    );
  });

  it("answers another clinic's host as if nobody were signed in there", async () => {
    const before = await locationCount();
    const request = await managerRequestOn(clinicHost("pipe-other"));
    expect(await callAction(createLocationAction, newLocation(), request)).toEqual(SESSION_ENDED);
    expect(await locationCount()).toBe(before);
  });

  it.each([
    ["the platform's host", () => platformHost(), "This action belongs to a clinic's address."],
    ["a host of no clinic", () => "pipe.example.com", "This action belongs to a clinic's address."],
    ["no host at all", () => null, "This action belongs to a clinic's address."],
  ])("is not found on %s", async (_name, host, message) => {
    const before = await locationCount();
    expect(await callAction(createLocationAction, newLocation(), await managerRequestOn(host()))).toEqual(
      refused("NOT_FOUND", message),
    );
    expect(await locationCount()).toBe(before);
  });

  it("refuses a request without a session, or with a revoked one", async () => {
    const anonymous = { host: clinicHost("pipe"), claims: undefined, client: TEST_CLIENT };
    expect(await callAction(createLocationAction, newLocation(), anonymous)).toEqual(SESSION_ENDED);
    const member = await clinic.addMember("MANAGER");
    const request = await clinic.requestAs(member);
    await clinicAccountStore("pipe", clinic.db).revokeSessions({ accountId: member.id }, new Date());
    expect(await callAction(createLocationAction, newLocation(), request)).toEqual(SESSION_ENDED);
  });

  it("refuses a deactivated member and a member whose temporary password is due", async () => {
    const gone = await clinic.addMember("MANAGER");
    const goneRequest = await clinic.requestAs(gone);
    await clinic.db.staffUser.update({ where: { id: gone.id }, data: { status: "DEACTIVATED" } });
    expect(await callAction(createLocationAction, newLocation(), goneRequest)).toEqual(SESSION_ENDED);
    const fresh = await clinic.addMember("MANAGER");
    await clinic.db.staffUser.update({ where: { id: fresh.id }, data: { mustChangePassword: true } });
    expect(await clinic.callAs(fresh, createLocationAction, newLocation())).toEqual(
      refused("FORBIDDEN", "Change your temporary password first."),
    );
  });

  it("refuses input its schema does not accept, with a message per field, writing nothing", async () => {
    const before = await locationCount();
    const result = await clinic.callAs("MANAGER", createLocationAction, {
      name: " ",
      openingHours: "all day",
    });
    expect(result).toMatchObject({
      ok: false,
      error: { code: "INVALID", fields: { name: "Enter the location's name." } },
    });
    expect(result.ok === false && Object.keys(result.error.fields ?? {})).toContain("openingHours");
    expect(await locationCount()).toBe(before);
  });

  it("reads a form's FormData as its input", async () => {
    const form = new FormData();
    form.set("name", " ");
    expect(await clinic.callAs("MANAGER", createLocationAction, form)).toMatchObject({
      ok: false,
      error: { code: "INVALID", fields: { name: "Enter the location's name." } },
    });
  });
});

describe("an action's own failures", () => {
  const failing = defineClinicAction({
    schema: z.object({ patientName: z.string() }),
    permission: "clinic.view",
    handler: async ({ input }) => {
      throw new Error(`connection refused while saving ${input.patientName}`);
    },
  });
  const redirecting = defineClinicAction({
    schema: z.object({}),
    permission: "clinic.view",
    handler: async () => redirect("/dashboard"),
  });

  it("answers an unexpected error with a generic message and logs its name only", async () => {
    const log = vi.spyOn(console, "error").mockImplementation(() => {});
    try {
      const result = await clinic.callAs("NURSE", failing, { patientName: "Ada Lovelace" });
      expect(result).toEqual(refused("UNAVAILABLE", "Something went wrong. Please try again in a moment."));
      expect(log).toHaveBeenCalledTimes(1);
      expect(String(log.mock.calls[0])).not.toMatch(/Ada|Lovelace|connection refused/);
    } finally {
      log.mockRestore();
    }
  });

  it("lets Next's redirect through instead of turning it into an error", async () => {
    await expect(clinic.callAs("NURSE", redirecting, {})).rejects.toMatchObject({
      digest: expect.stringContaining("NEXT_REDIRECT"),
    });
  });
});

describe("a platform action", () => {
  const newAdmin = () => ({ name: "Eve", email: `eve-${++branch}@clinics.test` });
  const adminCount = () => clinic.platform.central.user.count({ where: { role: "CLINIC_ADMIN" } });

  it("runs for a super admin on the platform's host", async () => {
    const before = await adminCount();
    expect(await platform.callAs(superAdmin, createClinicAdminAction, newAdmin())).toMatchObject({
      ok: true,
    });
    expect(await adminCount()).toBe(before + 1);
  });

  it("refuses a clinic admin, and is not found on a clinic's host", async () => {
    const before = await adminCount();
    expect(await platform.callAs(clinic.platform.owner, createClinicAdminAction, newAdmin())).toEqual(
      refused("FORBIDDEN", "Your role does not allow this."),
    );
    const onClinicHost = { ...(await platform.requestAs(superAdmin)), host: clinicHost("pipe") };
    expect(await callAction(createClinicAdminAction, newAdmin(), onClinicHost)).toEqual(
      refused("NOT_FOUND", "This action belongs to the platform's own address."),
    );
    expect(await adminCount()).toBe(before);
  });

  it("refuses a disabled super admin's session and a clinic member's claims", async () => {
    const disabled = await createPlatformUser(clinic.platform.central, { role: "SUPER_ADMIN" });
    const request = await platform.requestAs(disabled);
    await clinic.platform.central.user.update({ where: { id: disabled.id }, data: { status: "DISABLED" } });
    expect(await callAction(createClinicAdminAction, newAdmin(), request)).toEqual(SESSION_ENDED);
    const staffClaims = { ...(await clinic.requestAs("OWNER")), host: platformHost() };
    expect(await callAction(createClinicAdminAction, newAdmin(), staffClaims)).toEqual(SESSION_ENDED);
    await platformAccountStore(clinic.platform.central).revokeSessions(
      { accountId: superAdmin.id },
      new Date(),
    );
    expect(await platform.callAs(superAdmin, createClinicAdminAction, newAdmin())).toEqual(SESSION_ENDED);
  });
});
