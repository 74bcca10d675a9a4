import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { registerClinicRow } from "@/lib/testing/clinic-rows";
import type { ClinicStatus, User } from "../../generated/central/client";
import { createProcessPlatform, type TestPlatform } from "../../testing/platform";
import { createPlatformUser, platformCaller } from "../../testing/platform-users";
import { checkSubdomainAction } from "./check-subdomain";

let platform: TestPlatform;
let caller: ReturnType<typeof platformCaller>;
let other: User;
const DAY = 86_400_000;

/** A registry row only: availability reads the central database, no clinic database is needed. */
async function registerClinic(subdomain: string, status: ClinicStatus, owner: User, deletedAt?: Date) {
  await registerClinicRow(platform, {
    subdomain,
    name: subdomain,
    status,
    ownerId: owner.id,
    databaseServerId: null,
    deletedAt,
    // A deleted clinic holds its subdomain only if it was ever active (had a schema version).
    schemaVersion: deletedAt ? "20261126191733_init" : null,
  });
}

beforeAll(async () => {
  platform = await createProcessPlatform();
  caller = platformCaller(platform.central);
  other = await createPlatformUser(platform.central, { role: "CLINIC_ADMIN" });
  await registerClinic("maple", "ACTIVE", other);
  await registerClinic("harbor", "SUSPENDED", other);
  await registerClinic("setting-up", "PROVISIONING", other);
  await registerClinic("their-failed", "FAILED", other);
  await registerClinic("my-failed", "FAILED", platform.owner);
  await registerClinic("just-deleted", "DELETED", other, new Date(Date.now() - DAY));
  await registerClinic("long-deleted", "DELETED", other, new Date(Date.now() - 31 * DAY));
});

afterAll(async () => {
  await platform.cleanup();
});

const check = (subdomain: unknown) => caller.callAs(platform.owner, checkSubdomainAction, { subdomain });

describe("the live subdomain check", () => {
  it.each([
    ["Sunrise", "invalid", "Use lowercase letters only (a–z): subdomains are not case-sensitive."],
    ["ab", "invalid", "Too short: use at least 3 characters."],
    ["sun--rise", "invalid", "A subdomain cannot contain two hyphens in a row."],
    ["-sunrise", "invalid", "A subdomain cannot start or end with a hyphen."],
    ["sun_rise", "invalid", "Underscores are not allowed: use a hyphen instead."],
    ["admin", "reserved", '"admin" is reserved by the platform: choose another subdomain.'],
    ["www", "reserved", '"www" is reserved by the platform: choose another subdomain.'],
    ["maple", "taken", "“maple” is already taken."],
    ["harbor", "taken", "“harbor” is already taken."],
    ["setting-up", "taken", "“setting-up” is already taken."],
    ["their-failed", "taken", "“their-failed” is already taken."],
  ])("refuses %j as %s", async (subdomain, reason, message) => {
    expect(await check(subdomain)).toEqual({ ok: true, data: { available: false, reason, message } });
  });

  it("holds a deleted clinic's subdomain until its reservation ends", async () => {
    const until = new Date(Date.now() - DAY + 30 * DAY).toISOString().slice(0, 10);

    expect(await check("just-deleted")).toEqual({
      ok: true,
      data: {
        available: false,
        reason: "held",
        message: `“just-deleted” belonged to a deleted clinic and is reserved until ${until}.`,
      },
    });
    expect(await check("long-deleted")).toEqual({
      ok: true,
      data: { available: true, subdomain: "long-deleted", message: "“long-deleted” is available." },
    });
  });

  it("offers a free subdomain, and the admin's own failed set-up for a retry", async () => {
    expect(await check("sunrise")).toEqual({
      ok: true,
      data: { available: true, subdomain: "sunrise", message: "“sunrise” is available." },
    });
    expect(await check("my-failed")).toEqual({
      ok: true,
      data: {
        available: true,
        subdomain: "my-failed",
        message: "Your earlier set-up of “my-failed” failed; creating it again retries from scratch.",
      },
    });
  });

  it("answers input that is not text at all with INVALID", async () => {
    expect(await check(42)).toMatchObject({
      ok: false,
      error: { code: "INVALID", fields: { subdomain: expect.any(String) } },
    });
  });
});
