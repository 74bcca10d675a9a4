import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { withClinicClient } from "../tenancy/clinic-client";
import { ClinicDatabaseService } from "../tenancy/clinic-database-service";
import { createTestPlatform, type TestPlatform } from "../testing/platform";
import { type AccountStore, clinicAccountStore, platformAccountStore } from "./account-store";
import { AUTH_POLICY } from "./policy";
import { signInWithPassword } from "./sign-in";

let platform: TestPlatform;

beforeAll(async () => {
  platform = await createTestPlatform();
});

afterAll(async () => {
  await platform.cleanup();
});

const WRONG = "Email or password is incorrect.";

const median = (values: number[]) =>
  [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? Number.NaN;

function signIn(
  email: string,
  password: string,
  now: Date,
  ip: string | null = "203.0.113.7",
  store: AccountStore = platformAccountStore(platform.central),
) {
  return signInWithPassword({
    store,
    central: platform.central,
    email,
    password,
    ip,
    userAgent: "vitest",
    now,
  });
}

/** What a person sees after each of `count` wrong tries on `email`, all at `now`. */
async function answersTo(email: string, count: number, now: Date, store?: AccountStore) {
  const answers: string[] = [];
  for (let attempt = 0; attempt < count; attempt++) {
    const result = await signIn(email, "not-the-password", now, null, store);
    answers.push(result.ok ? "signed in" : result.message);
  }
  return answers;
}

describe("no way to tell whether an email has an account", () => {
  it("answers an unknown email exactly as a known one, lockout included, on every try", async () => {
    const now = new Date("2030-01-01T09:00:00Z");
    const known = await answersTo(platform.owner.email, 6, now);
    const unknown = await answersTo("nobody.here@clinics.test", 6, now);

    expect(known).toEqual(unknown);
    expect(known).toEqual([
      WRONG,
      WRONG,
      WRONG,
      WRONG,
      "Too many failed sign-ins. Try again in 15 minutes.",
      "Too many failed sign-ins. Try again in 15 minutes.",
    ]);
  });

  it("answers the same in a clinic, where the tries are audited for the clinic's admins only", async () => {
    const service = new ClinicDatabaseService({ central: platform.central, env: platform.env });
    const clinic = await service.provisionClinic({
      name: "Acme",
      subdomain: "acme",
      ownerId: platform.owner.id,
    });
    await withClinicClient(clinic, platform.server, async (db) => {
      const store = clinicAccountStore("acme", db);
      const now = new Date("2030-01-15T09:00:00Z");
      const known = await answersTo(platform.owner.email, 6, now, store);
      expect(await answersTo("nobody.here@acme.test", 6, now, store)).toEqual(known);
      expect(known.at(-1)).toBe("Too many failed sign-ins. Try again in 15 minutes.");
      const audit = await db.auditEvent.findMany({ where: { actorEmail: "nobody.here@acme.test" } });
      expect(audit.map((event) => event.action)).toEqual([
        ...Array(4).fill("sign-in.failed"),
        "sign-in.locked",
        "sign-in.refused-locked",
      ]);
    });
  });

  it("counts an email however it is typed, and lets a real account in again after the lockout", async () => {
    const now = new Date("2030-02-01T09:00:00Z");
    const typed = [" Nobody.Else@Clinics.test", "nobody.else@clinics.test", "NOBODY.ELSE@CLINICS.TEST "];
    for (const email of [...typed, ...typed.slice(0, 1)]) await signIn(email, "wrong-password", now);
    expect(await signIn("nobody.else@clinics.test", "wrong-password", now)).toEqual({
      ok: false,
      message: "Too many failed sign-ins. Try again in 15 minutes.",
    });

    await answersTo(platform.owner.email, AUTH_POLICY.accountFailures, now);
    expect(await signIn(platform.owner.email, "owner-password", now)).toMatchObject({ ok: false });
    const after = new Date(now.getTime() + AUTH_POLICY.lockoutMs + 1_000);
    expect(await signIn(platform.owner.email, "owner-password", after)).toMatchObject({ ok: true });
  });

  it("starts counting again after a successful sign-in", async () => {
    const now = new Date("2030-03-01T09:00:00Z");
    await answersTo(platform.owner.email, AUTH_POLICY.accountFailures - 1, now);
    expect(await signIn(platform.owner.email, "owner-password", now)).toMatchObject({ ok: true });
    expect(await answersTo(platform.owner.email, AUTH_POLICY.accountFailures - 1, now)).toEqual(
      Array(AUTH_POLICY.accountFailures - 1).fill(WRONG),
    );
  });

  it("does the same password-hashing work for an unknown email as for a known one", async () => {
    // CPU time of this process (argon2 runs on its thread pool) is what the hash costs, whatever
    // else the machine is doing; wall time is reported, and bench:sign-in measures it properly.
    const measure = async (email: string, at: Date) => {
      const cpu = process.cpuUsage();
      const start = performance.now();
      await signIn(email, "not-the-password", at);
      const wall = performance.now() - start;
      const used = process.cpuUsage(cpu);
      return { wall, cpu: (used.user + used.system) / 1000 };
    };
    const known: { wall: number; cpu: number }[] = [];
    const unknown: { wall: number; cpu: number }[] = [];
    const start = new Date("2030-04-01T09:00:00Z").getTime();
    for (let round = 0; round < 17; round++) {
      // An hour apart: every try starts a fresh window, so none is refused without hashing.
      const at = new Date(start + round * 60 * 60_000);
      const pair = [
        () => measure(platform.owner.email, at).then((m) => known.push(m)),
        () => measure(`unknown.${round}@clinics.test`, at).then((m) => unknown.push(m)),
      ];
      if (round % 2) pair.reverse();
      for (const run of pair) await run();
    }
    // The first two rounds warm up (connections, query plans).
    const stats = (runs: { wall: number; cpu: number }[]) => ({
      wall: median(runs.slice(2).map((m) => m.wall)),
      cpu: median(runs.slice(2).map((m) => m.cpu)),
    });
    const [k, u] = [stats(known), stats(unknown)];
    console.log(
      `sign-in medians of 15: known ${k.wall.toFixed(1)} ms wall / ${k.cpu.toFixed(1)} ms CPU, ` +
        `unknown ${u.wall.toFixed(1)} ms wall / ${u.cpu.toFixed(1)} ms CPU ` +
        `(ratio wall ${(u.wall / k.wall).toFixed(2)}, CPU ${(u.cpu / k.cpu).toFixed(2)})`,
    );
    expect(u.cpu / k.cpu).toBeGreaterThan(0.8);
    expect(u.cpu / k.cpu).toBeLessThan(1.25);
  });
});
