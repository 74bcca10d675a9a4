import { randomBytes } from "node:crypto";
import { readFile } from "node:fs/promises";
import http from "node:http";
import { expect, test } from "@playwright/test";
import { Client } from "pg";
import { hashPassword } from "@/lib/auth/password";
import { AUTH_POLICY } from "@/lib/auth/policy";
import { withDatabaseName } from "@/lib/db/database-url";
import { DEMO_STAFF_PASSWORD } from "@/lib/demo/seed";
import { resetClinicAdminPassword, setClinicAdminStatus } from "@/lib/super/clinic-admins";
import { checkDatabaseServer } from "@/lib/super/server-checks";
import { ClinicDatabaseService } from "@/lib/tenancy/clinic-database-service";
import { clinicConnectionUrl } from "@/lib/tenancy/servers";
import type { HostAnswer } from "@/lib/testing/host-request";
import { withCentralDb, withClinicDb } from "./support/central-db";
import { e2eServerLogPath } from "./support/context";
import { sendWithHost } from "./support/http";
import { issueOpenClinicTicket } from "./support/open-clinic";
import { E2E_PORT } from "./support/origins";
import { createPlatformAccount } from "./support/own-accounts";
import { provisionOwnClinic } from "./support/own-clinics";
import { serverActionId } from "./support/server-action";

// Issue 9's attack run, repeated from outside: an outsider, a removed co-admin, a disabled admin and
// a clinic's database role try what worked before. Raw HTTP to 127.0.0.1 (any Host, any header, as
// a script would send them), so nothing a browser adds or refuses helps the server.
const root = `localhost:${E2E_PORT}`;
const maple = `maple.localhost:${E2E_PORT}`;
const harbor = `harbor.localhost:${E2E_PORT}`;
const WRONG = "Email or password is incorrect.";
const LOCKED = /Too many failed sign-ins/;
// What a leaked stack trace or database error looks like in a response.
const LEAK = /\n\s+at [\w.<]+ \(|node_modules|prisma\.|PrismaClient|SQLSTATE|invalid input syntax/;

const send = sendWithHost;

/** Calls a server action as a browser's fetch would (same-origin Origin unless `headers` says otherwise). */
function callAction(options: {
  host: string;
  path: string;
  action: [file: string, name: string];
  args: unknown[];
  cookie?: string;
  headers?: Record<string, string>;
  agent?: http.Agent;
}): Promise<HostAnswer> {
  return send({
    host: options.host,
    path: options.path,
    method: "POST",
    agent: options.agent,
    headers: {
      origin: `http://${options.host}`,
      accept: "text/x-component",
      "content-type": "text/plain;charset=UTF-8",
      "next-action": serverActionId(...options.action),
      ...(options.cookie ? { cookie: options.cookie } : {}),
      ...options.headers,
    },
    body: JSON.stringify(options.args),
  });
}

const SIGN_IN: [string, string] = ["lib/actions/account/sign-in.ts", "signInAction"];

/** The cookies a response sets, as a `Cookie` header. */
function cookiesOf(answer: HostAnswer): string {
  return (answer.headers["set-cookie"] ?? []).map((line) => line.split(";")[0]).join("; ");
}

/** Signs in with the sign-in action over HTTP; the session cookie, or "" when refused. */
async function signInOverHttp(host: string, email: string, password: string): Promise<string> {
  const answer = await callAction({ host, path: "/login", action: SIGN_IN, args: [{ email, password }] });
  return /authjs\.session-token=/.test(cookiesOf(answer)) ? cookiesOf(answer) : "";
}

/** A clinic admin's clinic session through Open clinic: the console's form post, answered with a cookie. */
async function openClinicOverHttp(subdomain: string, adminEmail: string): Promise<string> {
  const ticket = await issueOpenClinicTicket(subdomain, adminEmail);
  const answer = await send({
    host: `${subdomain}.localhost:${E2E_PORT}`,
    path: "/open",
    method: "POST",
    headers: { origin: `http://${root}`, "content-type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams({ ticket }).toString(),
  });
  expect(answer.headers.location).toBe("/dashboard");
  return cookiesOf(answer);
}

/** Whether `cookie` is a working session on `host` (its dashboard answers instead of the sign-in page). */
async function signedIn(host: string, cookie: string): Promise<boolean> {
  const answer = await send({ host, path: "/dashboard", headers: { cookie } });
  return answer.status === 200;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] as number;
}

/** A clinic of this spec's own (its sign-in counters and sessions disturb nobody), with a staff account. */
async function ownClinicWithStaff(prefix: string, count = 1, role = "RECEPTIONIST" as const) {
  const subdomain = `${prefix}-${randomBytes(2).toString("hex")}`;
  await provisionOwnClinic({ subdomain, name: `Attack ${prefix}` });
  const password = `staff password ${randomBytes(4).toString("hex")}`;
  const passwordHash = await hashPassword(password);
  const emails = Array.from({ length: count }, (_, index) => `person${index}@${subdomain}.test`);
  await withClinicDb(subdomain, (db) =>
    db.staffUser.createMany({
      data: emails.map((email, index) => ({ email, name: `Person ${index}`, role, passwordHash })),
    }),
  );
  return { subdomain, host: `${subdomain}.localhost:${E2E_PORT}`, emails, password };
}

test.setTimeout(180_000);

test("1. forged client-address headers reach neither throttling nor the audit log", async () => {
  const clinic = await ownClinicWithStaff("xff");
  const forged = {
    "x-forwarded-for": "198.51.100.7",
    "x-real-ip": "198.51.100.8",
    forwarded: "for=198.51.100.9",
    "true-client-ip": "198.51.100.10",
    "cf-connecting-ip": "198.51.100.11",
    "x-client-ip": "198.51.100.12",
  };
  const email = `nobody-${randomBytes(3).toString("hex")}@clinics.test`;
  for (const host of [clinic.host, root]) {
    const answer = await callAction({
      host,
      path: "/login",
      action: SIGN_IN,
      args: [{ email, password: "guess 1" }],
      headers: forged,
    });
    expect(answer.body).toContain(WRONG);
  }
  const clinicIps = await withClinicDb(clinic.subdomain, (db) =>
    db.auditEvent.findMany({ where: { actorEmail: email }, select: { ip: true } }),
  );
  const centralIps = await withCentralDb((central) =>
    central.auditEvent.findMany({
      where: { action: "sign-in.failed", ip: { not: null } },
      select: { ip: true },
    }),
  );
  console.log(
    `[1] audit ips: clinic ${JSON.stringify(clinicIps)}, central distinct ${[...new Set(centralIps.map((row) => row.ip))]}`,
  );
  expect(clinicIps).toEqual([{ ip: "127.0.0.1" }]);
  expect(new Set(centralIps.map((row) => row.ip))).toEqual(new Set(["127.0.0.1"]));
});

test("2. forged X-Forwarded-Host, x-tenant and middleware headers sign nobody into another host's realm", async () => {
  const receptionist = { email: "receptionist@maple.test", password: DEMO_STAFF_PASSWORD };
  const forged = (tenantHost: string) => ({
    origin: `http://${tenantHost}`,
    "x-forwarded-host": tenantHost,
    "x-tenant": tenantHost.split(".")[0] as string,
    "x-middleware-subrequest": "middleware:middleware:middleware:middleware:middleware",
  });
  const results: string[] = [];
  // maple's receptionist, on the root host and on harbor's, with every header naming maple.
  for (const host of [root, harbor]) {
    const answer = await callAction({
      host,
      path: "/login",
      action: SIGN_IN,
      args: [receptionist],
      headers: forged(maple),
    });
    results.push(`${host}: ${answer.status} session=${/session-token/.test(cookiesOf(answer))}`);
    expect(cookiesOf(answer)).not.toMatch(/session-token/);
  }
  // The same with the host's own Origin (past Next's origin check): the realm is still the Host's.
  for (const host of [root, harbor]) {
    const answer = await callAction({
      host,
      path: "/login",
      action: SIGN_IN,
      args: [receptionist],
      headers: { ...forged(maple), origin: `http://${host}` },
    });
    results.push(
      `${host} (own origin): ${answer.status} ${answer.body.includes(WRONG) ? "wrong" : answer.body.slice(0, 80)}`,
    );
    expect(answer.body).toContain(WRONG);
    expect(cookiesOf(answer)).not.toMatch(/session-token/);
  }
  // A maple session with harbor named in every header: harbor's pages stay closed, maple's show maple.
  const cookie = await signInOverHttp(maple, receptionist.email, receptionist.password);
  expect(cookie).not.toBe("");
  const onHarbor = await send({ host: harbor, path: "/patients", headers: { cookie, ...forged(maple) } });
  const onMaple = await send({ host: maple, path: "/patients", headers: { cookie, ...forged(harbor) } });
  results.push(`harbor /patients with maple cookie: ${onHarbor.status} ${onHarbor.headers.location ?? ""}`);
  results.push(`maple /patients naming harbor: ${onMaple.status}`);
  expect(onHarbor.status).toBe(307);
  expect(onHarbor.headers.location).toMatch(/\/login$/);
  expect(onMaple.status).toBe(200);
  expect(onMaple.body).toContain("Maple");
  expect(onMaple.body).not.toContain("Harbor");
  // A client's own nonce or policy never becomes the page's.
  const nonce = await send({
    host: maple,
    path: "/login",
    headers: { "x-nonce": "attacker", "content-security-policy": "script-src *" },
  });
  expect(String(nonce.headers["content-security-policy"])).not.toContain("attacker");
  expect(nonce.body).not.toContain('nonce="attacker"');
  console.log(`[2] ${results.join("; ")}`);
});

test("3. look-alike asset paths and path tricks: an action runs for the Host's clinic or not at all", async () => {
  const cookie = await signInOverHttp(maple, "receptionist@maple.test", DEMO_STAFF_PASSWORD);
  const search: [string, string] = [
    "lib/actions/appointments/search-patients.ts",
    "searchPatientsForBookingAction",
  ];
  const paths = [
    "/calendar",
    "/favicon.icox/calendar",
    "/favicon.ico/calendar",
    "/faviconXico/calendar",
    "/favicon.ico/../calendar",
    "/_next/staticx/calendar",
    "/_next/static/calendar",
    "/_next/static/../calendar",
    "/_next/static/%2e%2e/calendar",
    "/_next/imagex/calendar",
    "/_next/image/calendar",
    "/_next/image",
    "/_NEXT/static/calendar",
    "/%5Fnext/static/calendar",
    "//calendar",
    "/calendar/",
    "/calendar;.ico",
    "/calendar%3F.ico",
  ];
  const rows: string[] = [];
  const problems: string[] = [];
  for (const host of [maple, harbor, root]) {
    for (const path of paths) {
      const answer = await callAction({
        host,
        path,
        action: search,
        args: [{ query: "", page: 1 }],
        cookie,
        // The Host's own Origin, so Next's origin check passes and only the app can refuse it.
        headers: {
          "x-forwarded-host": host === maple ? harbor : maple,
          "x-tenant": host === maple ? "harbor" : "maple",
        },
      });
      const ran = /"ok":true/.test(answer.body);
      rows.push(`${host.split(".")[0]}${path} ${answer.status}${ran ? " RAN" : ""}`);
      if (answer.status >= 500) problems.push(`POST ${host}${path}: ${answer.status}`);
      // Ran only on maple's own host: a maple session is worth nothing on another host.
      if (ran && host !== maple) problems.push(`POST ${host}${path} ran`);
      if (ran && /Harbor/.test(answer.body)) problems.push(`POST ${host}${path} answered with harbor's data`);
      const get = await send({ host, path, headers: { cookie } });
      rows.push(`GET ${get.status}`);
      if (get.status >= 500) problems.push(`GET ${host}${path}: ${get.status}`);
      if (get.headers["content-type"]?.includes("text/html") && !get.headers["content-security-policy"])
        problems.push(`GET ${host}${path}: ${get.status} page without a CSP`);
    }
  }
  console.log(`[3] ${rows.join(", ")}`);
  expect(problems).toEqual([]);
});

test("4. sign-in: unknown and known emails get the same message, the same lockout and the same time", async () => {
  // One try per account (a second would count towards its lockout), and 19 failures per clinic,
  // under the address limit; several clinics, because this shared machine's timings are noisy.
  const times: { known: number[]; unknown: number[] } = { known: [], unknown: [] };
  const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
  for (let round = 0; round < 4; round++) {
    const known = await ownClinicWithStaff("enum", 9);
    // One warm-up, so neither side pays the first connection to the clinic.
    await callAction({
      agent,
      host: known.host,
      path: "/login",
      action: SIGN_IN,
      args: [{ email: "warm@x.test", password: "x" }],
    });
    for (const email of known.emails) {
      for (const [kind, tried] of [
        ["known", email],
        ["unknown", email.replace("person", "ghost")],
      ] as const) {
        const answer = await callAction({
          agent,
          host: known.host,
          path: "/login",
          action: SIGN_IN,
          args: [{ email: tried, password: "wrong password 1" }],
        });
        expect(answer.body, `${kind} ${tried}`).toContain(WRONG);
        times[kind].push(answer.ms);
      }
    }
  }
  agent.destroy();
  const [knownMs, unknownMs] = [median(times.known), median(times.unknown)];
  console.log(
    `[4] median sign-in ms over ${times.known.length} each: known ${knownMs.toFixed(1)}, unknown ${unknownMs.toFixed(1)}; fastest ${Math.min(...times.known).toFixed(1)} vs ${Math.min(...times.unknown).toFixed(1)}`,
  );
  expect(Math.abs(knownMs - unknownMs) / knownMs).toBeLessThan(0.1);

  // Lockout: the same answers, try by try, for a real account and for an email without one.
  const lockout = await ownClinicWithStaff("lock", 1);
  const sequences: Record<string, string[]> = {};
  for (const email of [lockout.emails[0] as string, `ghost@${lockout.subdomain}.test`]) {
    sequences[email] = [];
    for (let attempt = 1; attempt <= AUTH_POLICY.accountFailures + 1; attempt++) {
      const answer = await callAction({
        host: lockout.host,
        path: "/login",
        action: SIGN_IN,
        args: [{ email, password: `wrong ${attempt}` }],
      });
      sequences[email].push(
        LOCKED.test(answer.body) ? "locked" : answer.body.includes(WRONG) ? "wrong" : "other",
      );
    }
  }
  console.log(`[4] lockout sequences: ${JSON.stringify(sequences)}`);
  const [real, ghost] = Object.values(sequences);
  expect(real).toEqual(ghost);
  expect(real?.at(-1)).toBe("locked");
  // Locked, the right password is refused too (no oracle in the lockout).
  const right = await callAction({
    host: lockout.host,
    path: "/login",
    action: SIGN_IN,
    args: [{ email: lockout.emails[0], password: lockout.password }],
  });
  expect(right.body).toMatch(LOCKED);
});

test("5. a removed co-admin, a disabled admin and a reset admin lose their clinic sessions at once", async () => {
  const owner = await createPlatformAccount({ role: "CLINIC_ADMIN", name: "Otto Owner" });
  const subdomain = `coadm-${randomBytes(2).toString("hex")}`;
  const host = `${subdomain}.localhost:${E2E_PORT}`;
  await provisionOwnClinic({ subdomain, name: "Co-admin Target", ownerEmail: owner.email });
  const [removed, disabled, reset] = await Promise.all(
    ["Rita Removed", "Dora Disabled", "Remy Reset"].map((name) =>
      createPlatformAccount({ role: "CLINIC_ADMIN", name, coAdminOf: subdomain }),
    ),
  );
  const cookies = {
    removed: await openClinicOverHttp(subdomain, (removed as { email: string }).email),
    disabled: await openClinicOverHttp(subdomain, (disabled as { email: string }).email),
    reset: await openClinicOverHttp(subdomain, (reset as { email: string }).email),
  };
  for (const cookie of Object.values(cookies)) expect(await signedIn(host, cookie)).toBe(true);

  // As a co-admin (a manager): no owner can be made, and the owner cannot be touched.
  const ownerStaff = await withClinicDb(subdomain, (db) =>
    db.staffUser.findFirstOrThrow({ where: { role: "OWNER" }, select: { id: true } }),
  );
  const makeOwner = await callAction({
    host,
    path: "/staff",
    action: ["lib/actions/staff/create-staff-member.ts", "createStaffMemberAction"],
    args: [{ name: "Back Door", email: `backdoor@${subdomain}.test`, role: "OWNER" }],
    cookie: cookies.removed,
  });
  const deactivateOwner = await callAction({
    host,
    path: "/staff",
    action: ["lib/actions/staff/deactivate-staff-member.ts", "deactivateStaffMemberAction"],
    args: [{ staffId: ownerStaff.id }],
    cookie: cookies.removed,
  });
  const resetOwner = await callAction({
    host,
    path: "/staff",
    action: ["lib/actions/staff/reset-staff-password.ts", "resetStaffPasswordAction"],
    args: [{ staffId: ownerStaff.id }],
    cookie: cookies.removed,
  });
  // What a manager may do: add a manager with a password the co-admin is shown.
  const makeManager = await callAction({
    host,
    path: "/staff",
    action: ["lib/actions/staff/create-staff-member.ts", "createStaffMemberAction"],
    args: [{ name: "Side Door", email: `sidedoor@${subdomain}.test`, role: "MANAGER" }],
    cookie: cookies.removed,
  });
  console.log(
    `[5] co-admin as manager: create OWNER ${makeOwner.status} ok=${/"ok":true/.test(makeOwner.body)}; deactivate owner ok=${/"ok":true/.test(deactivateOwner.body)}; reset owner ok=${/"ok":true/.test(resetOwner.body)}; create MANAGER ok=${/"ok":true/.test(makeManager.body)}`,
  );
  for (const answer of [makeOwner, deactivateOwner, resetOwner]) expect(answer.body).not.toMatch(/"ok":true/);

  await withCentralDb(async (central) => {
    const clinic = await central.clinic.findUniqueOrThrow({ where: { subdomain } });
    const user = (email: string) => central.user.findUniqueOrThrow({ where: { email } });
    await central.clinicCoAdmin.delete({
      where: { clinicId_userId: { clinicId: clinic.id, userId: (await user(removed?.email as string)).id } },
    });
    const actor = {
      id: (await user("super@clinics.test")).id,
      email: "super@clinics.test",
      ip: null,
      userAgent: null,
    };
    await setClinicAdminStatus({
      actor,
      central,
      userId: (await user(disabled?.email as string)).id,
      status: "DISABLED",
    });
    await resetClinicAdminPassword({ actor, central, userId: (await user(reset?.email as string)).id });
  });
  const after: Record<string, boolean> = {};
  for (const [who, cookie] of Object.entries(cookies)) after[who] = await signedIn(host, cookie);
  const action = await callAction({
    host,
    path: "/staff",
    action: ["lib/actions/staff/create-staff-member.ts", "createStaffMemberAction"],
    args: [{ name: "Late Door", email: `late@${subdomain}.test`, role: "RECEPTIONIST" }],
    cookie: cookies.removed,
  });
  console.log(
    `[5] still signed in after removal/disable/reset: ${JSON.stringify(after)}; action after removal: ${action.status} ${action.body.slice(0, 160)}`,
  );
  expect(after).toEqual({ removed: false, disabled: false, reset: false });
  expect(action.body).not.toMatch(/"ok":true/);
});

test("6. a suspended-then-resumed clinic's old cookies stay signed out", async () => {
  const clinic = await ownClinicWithStaff("susp", 1);
  const cookie = await signInOverHttp(clinic.host, clinic.emails[0] as string, clinic.password);
  expect(await signedIn(clinic.host, cookie)).toBe(true);
  await withCentralDb(async (central) => {
    const service = new ClinicDatabaseService({ central });
    await service.suspendClinic(clinic.subdomain, "Attack run");
    await service.resumeClinic(clinic.subdomain);
  });
  const old = await send({ host: clinic.host, path: "/dashboard", headers: { cookie } });
  console.log(`[6] old cookie after suspend + resume: ${old.status} → ${old.headers.location}`);
  expect(old.status).toBe(307);
  expect(old.headers.location).toMatch(/\/login$/);
});

test("7. change password: wrong current passwords lock like sign-in, each audited", async () => {
  const clinic = await ownClinicWithStaff("chpw", 1);
  const email = clinic.emails[0] as string;
  const cookie = await signInOverHttp(clinic.host, email, clinic.password);
  const change = (currentPassword: string) =>
    callAction({
      host: clinic.host,
      path: "/account/password",
      action: ["lib/actions/account/change-password.ts", "changePasswordAction"],
      args: [
        { currentPassword, newPassword: "a brand new password", confirmPassword: "a brand new password" },
      ],
      cookie,
    });
  const answers: string[] = [];
  for (let attempt = 1; attempt <= 7; attempt++) {
    const answer = await change(`guess number ${attempt}`);
    answers.push(
      /Too many wrong passwords/.test(answer.body)
        ? "locked"
        : /not right/.test(answer.body)
          ? "wrong"
          : answer.body.slice(0, 60),
    );
  }
  const withRight = await change(clinic.password);
  const signIn = await callAction({
    host: clinic.host,
    path: "/login",
    action: SIGN_IN,
    args: [{ email, password: clinic.password }],
  });
  const audited = await withClinicDb(clinic.subdomain, (db) =>
    db.auditEvent.groupBy({ by: ["action"], where: { actorEmail: email }, _count: true }),
  );
  console.log(
    `[7] ${answers.join(",")}; right password while locked: ${/Too many/.test(withRight.body) ? "locked" : "accepted"}; sign-in: ${LOCKED.test(signIn.body) ? "locked" : "other"}; audit ${JSON.stringify(audited)}`,
  );
  expect(answers).toEqual(["wrong", "wrong", "wrong", "wrong", "locked", "locked", "locked"]);
  expect(withRight.body).toMatch(/Too many wrong passwords/);
  expect(signIn.body).toMatch(LOCKED);
  const count = (action: string) => audited.find((row) => row.action === action)?._count ?? 0;
  expect(count("password.change-failed")).toBe(5);
  expect(count("password.change-refused-locked")).toBe(3);
});

test("8. bad query strings and bad action input: no 500, no stack trace", async () => {
  const cookie = await signInOverHttp(maple, "receptionist@maple.test", DEMO_STAFF_PASSWORD);
  const pages = [
    "/patients?q=a&q=b&page=1&page=2",
    "/patients?page=1e309",
    "/patients?page=-5",
    "/patients?page=99999999999999999999999",
    "/patients?q=%ZZ",
    "/patients?q=1985-02-30",
    "/patients?q[]=x&q[$ne]=y",
    "/calendar?date=2026-02-30",
    "/calendar?date=99999-01-01",
    "/calendar?date=0000-00-00&view=week&view=day",
    "/calendar?doctor=not-a-uuid&location=%00",
    "/today?date=2026-13-45",
    "/patients/00000000-0000-0000-0000-000000000000",
    "/patients/not-a-uuid",
    "/patients/%00",
    "/appointments/..%2f..%2fetc%2fpasswd",
    `/patients?q=${"x".repeat(20_000)}`,
  ];
  const rows: string[] = [];
  for (const path of pages) {
    const answer = await send({ host: maple, path, headers: { cookie } });
    rows.push(`${answer.status} ${path.slice(0, 50)}`);
    expect(answer.status, path).toBeLessThan(500);
    expect(answer.body, path).not.toMatch(LEAK);
  }
  const search: [string, string] = [
    "lib/actions/appointments/search-patients.ts",
    "searchPatientsForBookingAction",
  ];
  const book: [string, string] = ["lib/actions/appointments/book-appointment.ts", "bookAppointmentAction"];
  const inputs: { action: [string, string]; path: string; args: unknown[] }[] = [
    { action: search, path: "/calendar", args: [{ query: ["a"], page: Number.MAX_VALUE }] },
    { action: search, path: "/calendar", args: [{ query: "x".repeat(100_000), page: -1 }] },
    { action: search, path: "/calendar", args: [null] },
    { action: search, path: "/calendar", args: [] },
    {
      action: book,
      path: "/calendar",
      args: [{ startsAt: "2026-02-30T25:00", doctorId: "x", patientId: [1] }],
    },
    { action: book, path: "/calendar", args: [{ startsAt: 1.7e308, durationMinutes: 9e99 }] },
  ];
  for (const input of inputs) {
    const answer = await callAction({ host: maple, cookie, ...input });
    rows.push(
      `action ${input.action[1]} ${answer.status} ${/"ok":false/.test(answer.body) ? "refused" : answer.body.slice(0, 40)}`,
    );
    expect(answer.status, JSON.stringify(input.args).slice(0, 80)).toBeLessThan(500);
    expect(answer.body).not.toMatch(LEAK);
  }
  // Bodies no browser would send: not JSON, an unknown action id.
  const garbage = await send({
    host: maple,
    path: "/calendar",
    method: "POST",
    headers: {
      cookie,
      origin: `http://${maple}`,
      "content-type": "text/plain;charset=UTF-8",
      "next-action": serverActionId(...search),
    },
    body: "{not json",
  });
  const unknownAction = await send({
    host: maple,
    path: "/calendar",
    method: "POST",
    headers: {
      cookie,
      origin: `http://${maple}`,
      "content-type": "text/plain",
      "next-action": "00".repeat(21),
    },
    body: "[]",
  });
  rows.push(`not-JSON body ${garbage.status}; unknown action id ${unknownAction.status}`);
  console.log(`[8] ${rows.join("; ")}`);
  for (const answer of [garbage, unknownAction]) expect(answer.body).not.toMatch(LEAK);
});

test("9. security headers on every page, 404, redirect and asset; CSP on every page, 404 and /login included", async () => {
  const pages: [string, string][] = [
    [root, "/"],
    [root, "/login"],
    [root, "/no-such-page"],
    [root, "/super"],
    [root, "/admin"],
    [root, "/api/health"],
    [root, "/maple/login"],
    [maple, "/"],
    [maple, "/login"],
    [maple, "/no-such-page"],
    [maple, "/dashboard"],
    [maple, "/open"],
    [maple, "/open/from-console"],
    [maple, "/super"],
    [`nosuch.localhost:${E2E_PORT}`, "/login"],
    ["evil.example", "/login"],
  ];
  // Not pages, and not seen by the middleware: the icon and Next's own assets.
  const assets: [string, string][] = [
    [root, "/favicon.ico"],
    [maple, "/favicon.ico"],
    [maple, "/_next/static/no-such-file.js"],
  ];
  const rows: string[] = [];
  const missing: string[] = [];
  const check = async ([host, path]: [string, string], names: string[]) => {
    const answer = await send({ host, path });
    rows.push(`${host.split(":")[0]}${path} ${answer.status}`);
    for (const name of names)
      if (answer.headers[name] === undefined) missing.push(`${name} on ${host}${path}`);
    const policy = answer.headers["content-security-policy"];
    if (policy) expect(String(policy)).toContain("frame-ancestors 'none'");
    expect(answer.body).not.toMatch(LEAK);
  };
  const everywhere = ["x-content-type-options", "x-frame-options", "permissions-policy"];
  for (const page of pages) await check(page, [...everywhere, "referrer-policy", "content-security-policy"]);
  for (const asset of assets) await check(asset, everywhere);
  console.log(`[9] ${rows.join(", ")}; missing: ${missing.join(", ") || "none"}`);
  expect(missing).toEqual([]);
});

test("10. Open clinic: a ticket in a URL, from another origin, on another clinic or spent signs nobody in", async () => {
  const ticket = await issueOpenClinicTicket("maple", "admin@clinics.test");
  const form = (value: string) => new URLSearchParams({ ticket: value }).toString();
  const post = (host: string, origin: string | null, value = ticket) =>
    send({
      host,
      path: "/open",
      method: "POST",
      headers: {
        ...(origin ? { origin } : {}),
        "content-type": "application/x-www-form-urlencoded",
      },
      body: form(value),
    });
  const rows: string[] = [];
  const noSession = (label: string, answer: HostAnswer) => {
    rows.push(`${label}: ${answer.status} → ${answer.headers.location}`);
    expect(cookiesOf(answer), label).not.toMatch(/session-token/);
  };
  noSession(
    "GET with ticket",
    await send({ host: maple, path: `/open?ticket=${encodeURIComponent(ticket)}` }),
  );
  noSession("POST from evil origin", await post(maple, "http://evil.example"));
  noSession("POST with Origin null", await post(maple, "null"));
  noSession("POST without Origin", await post(maple, null));
  noSession("POST to harbor", await post(harbor, `http://${root}`));
  const first = await post(maple, `http://${root}`);
  rows.push(`console POST: ${first.status} → ${first.headers.location}`);
  expect(cookiesOf(first)).toMatch(/session-token/);
  noSession("replayed", await post(maple, `http://${root}`));
  noSession("tampered", await post(maple, `http://${root}`, `${ticket.slice(0, -2)}xx`));
  console.log(`[10] ${rows.join("; ")}`);
});

test("11. session cookies: host-only, HttpOnly, SameSite=Lax; a forged X-Forwarded-Proto changes nothing", async () => {
  const clinic = await ownClinicWithStaff("cook", 1);
  const answer = await callAction({
    host: clinic.host,
    path: "/login",
    action: SIGN_IN,
    args: [{ email: clinic.emails[0], password: clinic.password }],
    headers: { "x-forwarded-proto": "https", "x-forwarded-host": "evil.example" },
  });
  const session = (answer.headers["set-cookie"] ?? []).find((line) => /session-token=/.test(line)) ?? "";
  console.log(`[11] ${session.replace(/=[^;]+;/, "=…;")}`);
  expect(session).toMatch(/^authjs\.session-token=/);
  expect(session).toMatch(/HttpOnly/i);
  expect(session).toMatch(/SameSite=Lax/i);
  expect(session).toMatch(/Path=\//i);
  expect(session).not.toMatch(/Domain=/i);
});

test("12. a clinic's database role reaches its own database only (postgres/template1 are reported, not closed)", async () => {
  const { roleUrl, centralName } = await withCentralDb(async (central) => {
    const clinic = await central.clinic.findUniqueOrThrow({
      where: { subdomain: "maple" },
      include: { databaseServer: true },
    });
    return {
      roleUrl: clinicConnectionUrl(
        clinic,
        clinic.databaseServer as NonNullable<typeof clinic.databaseServer>,
      ),
      centralName: (await central.$queryRaw<{ db: string }[]>`SELECT current_database() AS db`)[0]
        ?.db as string,
    };
  });
  const harborDb = await withCentralDb(
    async (central) =>
      (await central.clinic.findUniqueOrThrow({ where: { subdomain: "harbor" } })).databaseName,
  );
  const outcomes: Record<string, string> = {};
  for (const database of [centralName, harborDb, "postgres", "template1"]) {
    const client = new Client({ connectionString: withDatabaseName(roleUrl, database) });
    outcomes[database] = await client.connect().then(
      async () => {
        await client.end();
        return "connected";
      },
      (error: { code?: string }) => `refused ${error.code}`,
    );
  }
  // What /super → servers → Run checks says about the shared databases the role just reached.
  const report = await withCentralDb(async (central) => {
    const clinic = await central.clinic.findUniqueOrThrow({ where: { subdomain: "maple" } });
    return checkDatabaseServer({ central, serverId: clinic.databaseServerId as string });
  });
  const checks = report.checks.map((check) => `${check.title}: ${check.status}`);
  console.log(
    `[12] clinic role connecting: ${JSON.stringify(outcomes)}; server checks: ${checks.join(", ")}`,
  );
  expect(outcomes[centralName]).toMatch(/^refused/);
  expect(outcomes[harborDb]).toMatch(/^refused/);
  const shared = report.checks.find((check) => check.key === "public-connect");
  if (outcomes.postgres === "connected" || outcomes.template1 === "connected")
    expect(shared?.status).toBe("warning");
});

test("13. the add-server connection test cannot probe ports: refused before connecting, audited, rate limited", async () => {
  const superAdmin = await createPlatformAccount({ role: "SUPER_ADMIN", name: "Probe Super" });
  const cookie = await signInOverHttp(root, superAdmin.email, superAdmin.password);
  expect(cookie).not.toBe("");
  const add = (host: string, port: number) =>
    callAction({
      host: root,
      path: "/super/servers",
      action: ["lib/actions/super/add-database-server.ts", "addDatabaseServerAction"],
      args: [{ name: `probe-${port}`, host, port, adminUser: "postgres", adminPassword: "x", capacity: 10 }],
      cookie,
    });
  const rows: string[] = [];
  const targets: [string, number][] = [
    ["127.0.0.1", 22],
    ["127.0.0.1", 3306],
    ["127.0.0.1", E2E_PORT],
    ["localhost", 5432],
    ["169.254.169.254", 80],
    ["10.255.255.1", 5432],
    ["127.1", 5432],
    ["::1", 5432],
    ["127.0.0.1", 6379],
    ["127.0.0.1", 5433],
    ["127.0.0.1", 5434],
  ];
  for (const [host, port] of targets) {
    const answer = await add(host, port);
    const said = /DATABASE_SERVER_HOSTS/.test(answer.body)
      ? "not listed"
      : /Try again in/i.test(answer.body)
        ? "rate limited"
        : answer.body.slice(0, 100);
    rows.push(`${host}:${port} ${answer.status} ${answer.ms.toFixed(0)}ms ${said}`);
    expect(answer.ms, `${host}:${port}`).toBeLessThan(2_000);
  }
  const audited = await withCentralDb((central) =>
    central.auditEvent.count({
      where: { action: { startsWith: "database-server.connection" }, actorEmail: superAdmin.email },
    }),
  );
  console.log(`[13] ${rows.join("; ")}; audited ${audited}`);
  expect(rows.slice(0, 10).every((row) => row.endsWith("not listed"))).toBe(true);
  expect(rows[10]).toMatch(/rate limited$/);
});

test("14. a cross-origin action call (login CSRF, forged Origin) is refused with a 403, not a 500", async () => {
  const rows: string[] = [];
  for (const [host, origin] of [
    [root, `http://${maple}`],
    [maple, "http://evil.example"],
    [maple, `http://${harbor}`],
    [harbor, "not a url"],
  ] as const) {
    const answer = await callAction({
      host,
      path: "/login",
      action: SIGN_IN,
      args: [{ email: "someone@clinics.test", password: "a guess" }],
      headers: { origin },
    });
    rows.push(`${host} from ${origin}: ${answer.status}`);
    expect(answer.status, `${host} from ${origin}`).toBe(403);
    expect(cookiesOf(answer)).not.toMatch(/session-token/);
    expect(answer.headers["content-security-policy"]).toBeDefined();
  }
  console.log(`[14] ${rows.join("; ")}`);
});

// Known and not fixed here (reported): these mark what the attack run still finds, and fail once
// it is fixed, so the marker is removed then.
test.describe("open findings", () => {
  const search: [string, string] = [
    "lib/actions/appointments/search-patients.ts",
    "searchPatientsForBookingAction",
  ];

  test("15. a real action id posted to a clinic path with no page leaves no uncaught exception in the log", async () => {
    test.fail(
      true,
      "Next reports `uncaughtException: Error: aborted` for each one (any visitor can send them)",
    );
    const log = e2eServerLogPath(E2E_PORT);
    const before = (await readFile(log, "utf8")).match(/uncaughtException/g)?.length ?? 0;
    const answer = await callAction({
      host: maple,
      path: "/no-such-page",
      action: search,
      args: [{ query: "", page: 1 }],
    });
    await new Promise((resolve) => setTimeout(resolve, 500));
    const after = (await readFile(log, "utf8")).match(/uncaughtException/g)?.length ?? 0;
    console.log(`[15] ${answer.status}; uncaught exceptions logged: ${after - before}`);
    expect(answer.status).toBe(404);
    expect(after - before).toBe(0);
  });

  test("16. an action call whose body is not JSON gets a 4xx, not a 500", async () => {
    test.fail(
      true,
      "Next's decodeReply throws: a 500, and Next's own print holds the body's first characters",
    );
    const answer = await send({
      host: maple,
      path: "/calendar",
      method: "POST",
      headers: {
        origin: `http://${maple}`,
        "content-type": "text/plain;charset=UTF-8",
        "next-action": serverActionId(...search),
      },
      body: "Ada Lovelace 1985",
    });
    console.log(`[16] ${answer.status}`);
    expect(answer.status).toBeLessThan(500);
  });
});
