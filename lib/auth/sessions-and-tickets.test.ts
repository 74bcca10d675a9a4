import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Clinic } from "../generated/central/client";
import { ClinicDatabaseService } from "../tenancy/clinic-database-service";
import { TenantRegistry } from "../tenancy/registry";
import type { withTenantDb } from "../tenancy/tenant-db";
import { createTestPlatform, type TestPlatform } from "../testing/platform";
import { platformAccountStore } from "./account-store";
import { hashPassword } from "./password";
import { AUTH_POLICY } from "./policy";
import { resolveSession } from "./session";
import { type SessionClaims, signInWithPassword } from "./sign-in";
import { issueClinicTicket, redeemClinicTicket } from "./tickets";

let platform: TestPlatform;
let registry: TenantRegistry;
let maple: Clinic;
let harbor: Clinic;

beforeAll(async () => {
  platform = await createTestPlatform();
  const service = new ClinicDatabaseService({ central: platform.central, env: platform.env });
  maple = await service.provisionClinic({ name: "Maple", subdomain: "maple", ownerId: platform.owner.id });
  harbor = await service.provisionClinic({ name: "Harbor", subdomain: "harbor", ownerId: platform.owner.id });
  registry = new TenantRegistry({
    central: platform.central,
    centralUrl: platform.centralUrl,
    budget: 4,
    poolMax: 1,
  });
});

afterAll(async () => {
  await registry.close();
  await platform.cleanup();
});

const withClinicDb: typeof withTenantDb = (subdomain, work) => registry.withTenantDb(subdomain, work);

async function signInOwner(now = new Date()): Promise<SessionClaims> {
  const result = await signInWithPassword({
    store: platformAccountStore(platform.central),
    central: platform.central,
    email: platform.owner.email,
    password: "owner-password",
    ip: "127.0.0.1",
    userAgent: "vitest",
    now,
  });
  if (!result.ok) throw new Error(result.message);
  return result.claims;
}

describe("resolveSession", () => {
  const store = () => platformAccountStore(platform.central);

  it("accepts a fresh session for its own realm and refuses it for a clinic", async () => {
    const claims = await signInOwner();
    expect(await resolveSession({ claims, store: store() })).toMatchObject({
      user: { email: platform.owner.email },
    });

    const asClinic = { ...claims, realm: "clinic" as const, subdomain: "maple" };
    expect(await resolveSession({ claims: asClinic, store: store() })).toBeNull();
  });

  it("ends a session after 30 idle minutes and after 12 hours whatever happens", async () => {
    const signedInAt = new Date("2026-11-26T08:00:00Z");
    const claims = await signInOwner(signedInAt);
    const at = (ms: number) => new Date(signedInAt.getTime() + ms);

    expect(
      await resolveSession({ claims, store: store(), now: at(AUTH_POLICY.idleTimeoutMs - 1000) }),
    ).not.toBeNull();
    expect(
      await resolveSession({ claims, store: store(), now: at(2 * AUTH_POLICY.idleTimeoutMs + 1000) }),
    ).toBeNull();

    // Active every 20 minutes, yet refused past 12 hours.
    const steady = await signInOwner(signedInAt);
    for (let t = 20 * 60_000; t < AUTH_POLICY.absoluteTimeoutMs; t += 20 * 60_000) {
      expect(await resolveSession({ claims: steady, store: store(), now: at(t) })).not.toBeNull();
    }
    expect(
      await resolveSession({
        claims: steady,
        store: store(),
        now: at(AUTH_POLICY.absoluteTimeoutMs + 60_000),
      }),
    ).toBeNull();
  });

  it("ends every session when the session version is bumped (sign out everywhere)", async () => {
    const first = await signInOwner();
    const second = await signInOwner();
    await store().update(platform.owner.id, { bumpSessionVersion: true });

    expect(await resolveSession({ claims: first, store: store() })).toBeNull();
    expect(await resolveSession({ claims: second, store: store() })).toBeNull();
    expect(await resolveSession({ claims: await signInOwner(), store: store() })).not.toBeNull();
  });

  it("refuses a revoked session and a disabled account", async () => {
    const claims = await signInOwner();
    await store().revokeSessions({ id: claims.sid }, new Date());
    expect(await resolveSession({ claims, store: store() })).toBeNull();

    const other = await platform.central.user.create({
      data: {
        email: "temp@clinics.test",
        name: "Temp",
        role: "CLINIC_ADMIN",
        passwordHash: await hashPassword("temp-password-123"),
      },
    });
    const attempt = {
      store: store(),
      central: platform.central,
      email: other.email,
      password: "temp-password-123",
      ip: null,
      userAgent: null,
    };
    const result = await signInWithPassword(attempt);
    if (!result.ok) throw new Error(result.message);
    await platform.central.user.update({ where: { id: other.id }, data: { status: "DISABLED" } });
    expect(await resolveSession({ claims: result.claims, store: store() })).toBeNull();
  });
});

describe("clinic tickets", () => {
  /** The owner's console session that asks for the ticket. */
  const consoleSession = async () =>
    (
      await platformAccountStore(platform.central).createSession({
        accountId: platform.owner.id,
        ip: null,
        userAgent: null,
        at: new Date(),
      })
    ).id;
  const redeem = (ticket: string, subdomain: string, now?: Date) =>
    redeemClinicTicket({
      ticket,
      subdomain,
      ip: "127.0.0.1",
      userAgent: "vitest",
      central: platform.central,
      withClinicDb,
      now,
    });

  it("signs the clinic admin into that clinic as its owner, once", async () => {
    const ticket = await issueClinicTicket({
      central: platform.central,
      clinic: maple,
      userId: platform.owner.id,
      authSessionId: await consoleSession(),
    });

    const first = await redeem(ticket, "maple");
    expect(first).toMatchObject({ ok: true, claims: { realm: "clinic", subdomain: "maple", role: "OWNER" } });
    expect(await redeem(ticket, "maple")).toMatchObject({
      ok: false,
      message: expect.stringContaining("already used"),
    });
  });

  it("is refused on another clinic's host, and stays usable on its own", async () => {
    const ticket = await issueClinicTicket({
      central: platform.central,
      clinic: maple,
      userId: platform.owner.id,
      authSessionId: await consoleSession(),
    });

    expect(await redeem(ticket, harbor.subdomain)).toMatchObject({ ok: false });
    expect(await redeem(ticket, "maple")).toMatchObject({ ok: true });
  });

  it("expires after a minute and refuses a forged signature", async () => {
    const issuedAt = new Date();
    const ticket = await issueClinicTicket({
      central: platform.central,
      clinic: maple,
      userId: platform.owner.id,
      authSessionId: await consoleSession(),
      now: issuedAt,
    });
    expect(
      await redeem(ticket, "maple", new Date(issuedAt.getTime() + AUTH_POLICY.ticketLifetimeMs + 1000)),
    ).toMatchObject({ ok: false });

    const fresh = await issueClinicTicket({
      central: platform.central,
      clinic: maple,
      userId: platform.owner.id,
      authSessionId: await consoleSession(),
    });
    const [payload] = fresh.split(".");
    expect(await redeem(`${payload}.AAAA${fresh.slice(-10)}`, "maple")).toMatchObject({ ok: false });
  });
});
