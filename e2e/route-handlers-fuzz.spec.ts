import { readFile } from "node:fs/promises";
import { expect, test } from "@playwright/test";
import fc from "fast-check";
import { boundaryStrings, seedOf } from "@/lib/testing/fuzz-inputs";
import type { HostAnswer } from "@/lib/testing/host-request";
import { quickFingerprint } from "@/lib/testing/quick-fingerprint";
import { withCentralDb, withClinicDb } from "./support/central-db";
import { sendWithHost } from "./support/http";
import { E2E_PORT, ROOT_ORIGIN } from "./support/origins";
import { type SavedSession, savedSessionFile } from "./support/saved-sessions";

// Every route handler (app/**/route.ts) over HTTP with random and boundary ids, query strings,
// methods and bodies, as each role and signed out: never a 500 or a stack in the answer, and
// nothing written to the central database or the clinic's.
const RUNS_PER_ROUTE = 60;
const root = `localhost:${E2E_PORT}`;
const maple = `maple.localhost:${E2E_PORT}`;
const LEAK =
  /\bat [^\n]*?\(?(?:file:\/\/)?\/[^\s()]+\.m?[jt]sx?:\d+:\d+|node:internal|PrismaClient|DriverAdapterError|SQLSTATE|DatabaseError/;

test.describe.configure({ timeout: 300_000 });

const send = sendWithHost;

/** Percent-encodes every byte but the unreserved ones (lone surrogates become U+FFFD, as a browser sends them). */
function encodeSegment(value: string): string {
  return [...Buffer.from(value, "utf8")]
    .map((byte) => {
      const char = String.fromCharCode(byte);
      return /[A-Za-z0-9\-._~]/.test(char) ? char : `%${byte.toString(16).toUpperCase().padStart(2, "0")}`;
    })
    .join("");
}

async function cookieFor(role: SavedSession, host: string): Promise<string> {
  const state = JSON.parse(await readFile(savedSessionFile(role), "utf8")) as {
    cookies: { name: string; value: string; domain: string }[];
  };
  const hostname = host.split(":")[0] as string;
  return state.cookies
    .filter(({ domain }) => (domain.startsWith(".") ? hostname.endsWith(domain) : domain === hostname))
    .map(({ name, value }) => `${name}=${value}`)
    .join("; ");
}

/** Both databases a route could write, table by table (sessions aside: every signed-in request touches them). */
async function fingerprints() {
  return {
    central: await withCentralDb((central) => quickFingerprint(central)),
    maple: await withClinicDb("maple", (db) => quickFingerprint(db)),
  };
}

const segment = (ids: string[]) =>
  fc.oneof(
    boundaryStrings.filter((value) => value !== ""),
    fc.uuid(),
    fc.string({ unit: "binary", minLength: 1, maxLength: 60 }),
    fc.constantFrom(...ids),
  );
const query = fc.oneof(
  fc.constant(""),
  fc
    .dictionary(fc.constantFrom("id", "page", "q", "runId", "ticket", "__proto__"), boundaryStrings, {
      maxKeys: 3,
    })
    .map((params) =>
      Object.keys(params).length === 0
        ? ""
        : `?${Object.entries(params)
            .map(([key, value]) => `${key}=${encodeSegment(value)}`)
            .join("&")}`,
    ),
);
const method = fc.constantFrom("GET", "GET", "GET", "HEAD", "POST", "PUT", "DELETE", "PATCH", "OPTIONS");
const body = fc.oneof(
  fc.constant(undefined),
  boundaryStrings,
  fc.json(),
  fc.string({ unit: "binary", maxLength: 200 }),
  // What /open reads: a form's ticket field, malformed or forged.
  fc
    .oneof(
      boundaryStrings,
      fc.base64String({ minLength: 20, maxLength: 300 }).map((text) => `${text}.${text}`),
    )
    .map((ticket) => `ticket=${encodeSegment(ticket)}`),
);
const contentType = fc.constantFrom(
  "application/json",
  "application/x-www-form-urlencoded",
  "multipart/form-data; boundary=x",
  "text/plain",
  "text/plain;charset=utf-16",
);

/** The answer may refuse in any way but a 5xx, and shows no stack or database error. */
function expectNoServerError(answer: HostAnswer, shown: string) {
  expect(answer.status, shown).toBeLessThan(500);
  expect(LEAK.test(answer.body), `a stack or database error in ${shown}`).toBe(false);
}

test("the route handlers answer every id, query, method and body without a 500 or a write", async () => {
  const ids = await withCentralDb(async (central) => [
    ...(await central.clinic.findMany({ select: { id: true }, take: 5 })).map((row) => row.id),
    ...(await central.user.findMany({ select: { id: true }, take: 5 })).map((row) => row.id),
    ...(await central.fleetRun.findMany({ select: { id: true }, take: 5 })).map((row) => row.id),
    ...(await withClinicDb("maple", (db) => db.patient.findMany({ select: { id: true }, take: 3 }))).map(
      (row) => row.id,
    ),
    "00000000-0000-0000-0000-000000000000",
  ]);
  const cookies = {
    none: "",
    "super-admin": await cookieFor("super-admin", root),
    "clinic-admin": await cookieFor("clinic-admin", root),
    "maple-receptionist": await cookieFor("maple-receptionist", maple),
  };
  const who = fc.constantFrom(...(Object.keys(cookies) as (keyof typeof cookies)[]));
  const routes: { name: string; host: string; path: (id: string) => string }[] = [
    { name: "api/health", host: root, path: () => "/api/health" },
    { name: "api/admin/clinics/[id]/status", host: root, path: (id) => `/api/admin/clinics/${id}/status` },
    { name: "api/super/fleet/runs/[id]", host: root, path: (id) => `/api/super/fleet/runs/${id}` },
    { name: "[tenant]/open", host: maple, path: () => "/open" },
    {
      name: "[tenant]/patients/[id]/documents/upload",
      host: maple,
      path: (id) => `/patients/${id}/documents/upload`,
    },
    {
      name: "[tenant]/patients/[id]/documents/[documentId]/download",
      host: maple,
      path: (id) => `/patients/${id}/documents/${id}/download`,
    },
    { name: "[tenant]/print/prescriptions/[id]", host: maple, path: (id) => `/print/prescriptions/${id}` },
    { name: "[tenant]/print/visits/[id]", host: maple, path: (id) => `/print/visits/${id}` },
    { name: "[tenant]/print/sick-notes/[id]", host: maple, path: (id) => `/print/sick-notes/${id}` },
    { name: "[tenant]/print/receipts/[id]", host: maple, path: (id) => `/print/receipts/${id}` },
    { name: "[tenant]/print/invoices/[id]", host: maple, path: (id) => `/print/invoices/${id}` },
    {
      name: "[tenant]/print/referral-letters/[id]",
      host: maple,
      path: (id) => `/print/referral-letters/${id}`,
    },
    {
      name: "[tenant]/print/statements/[patientId]",
      host: maple,
      path: (id) => `/print/statements/${id}?from=2026-01-01&to=2026-11-30`,
    },
    { name: "[tenant]/print/superbills/[visitId]", host: maple, path: (id) => `/print/superbills/${id}` },
    { name: "[tenant]/billing/day/export", host: maple, path: (id) => `/billing/day/export?location=${id}` },
  ];
  const before = await fingerprints();
  for (const route of routes) {
    // What the route answered: a fuzz that only ever met one refusal would prove little.
    const statuses = new Set<number>();
    await fc.assert(
      fc.asyncProperty(
        segment(ids),
        query,
        method,
        body,
        contentType,
        who,
        fc.constantFrom(ROOT_ORIGIN, "https://evil.test", "null"),
        async (id, search, verb, payload, type, role, origin) => {
          const path = `${route.path(encodeSegment(id))}${search}`;
          const withBody = payload !== undefined && verb !== "GET" && verb !== "HEAD";
          const answer = await send({
            method: verb,
            host: route.host,
            path,
            headers: {
              cookie: cookies[role],
              origin,
              ...(withBody ? { "content-type": type } : {}),
            },
            ...(withBody ? { body: payload } : {}),
          });
          expectNoServerError(answer, `${verb} ${path.slice(0, 120)} as ${role}`);
          statuses.add(answer.status);
        },
      ),
      { seed: seedOf(route.name), numRuns: RUNS_PER_ROUTE, endOnFailure: true },
    );
    expect(statuses.size, `${route.name} answered ${[...statuses].join(", ")}`).toBeGreaterThan(1);
    console.log(
      `${route.name}: ${RUNS_PER_ROUTE} runs, seed ${seedOf(route.name)}, answered ${[...statuses].sort().join(", ")}`,
    );
  }
  expect(await fingerprints()).toEqual(before);
});
