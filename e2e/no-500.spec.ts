import { readFile } from "node:fs/promises";
import { expect, test } from "@playwright/test";
import { seededRandom } from "../lib/testing/seeded-random";
import { withCentralDb, withClinicDb } from "./support/central-db";
import { e2eServerLogPath } from "./support/context";
import { getWithHost } from "./support/http";
import { E2E_PORT } from "./support/origins";
import { BOUNDARY_VALUES, randomValues, TYPED_TEXT, withQuery } from "./support/query-fuzz";
import { type SavedSession, savedSessionFile } from "./support/saved-sessions";

// Every page with random and boundary values for each query parameter it reads (and ids in its
// dynamic segments): bad input may give the default view, a 404 or a 4xx, never a 500.
const SEED = Number(process.env.E2E_FUZZ_SEED ?? 20_261_129);
const maple = `maple.localhost:${E2E_PORT}`;
const root = `localhost:${E2E_PORT}`;
// Wide enough to find a 500, small enough for a 2-core machine (one Node server answers all).
const RANDOM_VALUES_PER_PARAMETER = 4;
const AT_ONCE = 4;
// A stack frame ("at f (/app/x.js:1:2)"), or a database error's name, in what the browser receives.
const LEAK =
  /\bat [^\n]*?\(?(?:file:\/\/)?\/[^\s()]+\.m?[jt]sx?:\d+:\d+|node:internal|PrismaClient|DriverAdapterError|SQLSTATE|DatabaseError/;

type Target = { path: string; parameters: readonly string[] };

test.describe.configure({ timeout: 600_000 });

/** Each parameter alone with every value, repeated twice, and all of them at once with random ones. */
function urlsFor(target: Target, random: () => number): string[] {
  // A parameter the page does not read must not matter either.
  const urls = [withQuery(target.path, { page: "-1", q: TYPED_TEXT[1], date: "9999-99-99", id: "x" })];
  for (const parameter of target.parameters) {
    const values = [...BOUNDARY_VALUES, ...randomValues(random, RANDOM_VALUES_PER_PARAMETER)];
    for (const value of values) urls.push(withQuery(target.path, { [parameter]: value }));
    urls.push(withQuery(target.path, { [parameter]: ["1", "2023-02-31"] }));
  }
  if (target.parameters.length > 1) {
    for (let round = 0; round < RANDOM_VALUES_PER_PARAMETER; round++) {
      const values = randomValues(random, target.parameters.length);
      urls.push(
        withQuery(
          target.path,
          Object.fromEntries(target.parameters.map((name, i) => [name, values[i] ?? ""])),
        ),
      );
    }
  }
  return urls;
}

/** `prefix<value>suffix` for every boundary value as a path segment: ids that are no uuid or no row. */
function segmentUrls(prefix: string, suffix = ""): string[] {
  return BOUNDARY_VALUES.filter((value) => value.trim() !== "").map(
    (value) => `${prefix}${encodeURIComponent(value)}${suffix}`,
  );
}

/** The saved session's cookies for `host`, as a Cookie header (Node cannot resolve *.localhost, so no browser request). */
async function cookieFor(role: SavedSession, host: string): Promise<string> {
  const state = JSON.parse(await readFile(savedSessionFile(role), "utf8")) as {
    cookies: { name: string; value: string; domain: string }[];
  };
  const hostname = host.split(":")[0] as string;
  return (
    state.cookies
      // Host-only cookies (no leading dot) go to their host alone, as a browser sends them.
      .filter(({ domain }) => (domain.startsWith(".") ? hostname.endsWith(domain) : domain === hostname))
      .map(({ name, value }) => `${name}=${value}`)
      .join("; ")
  );
}

/** GETs every url as `role` (redirects not followed) and lists each answer that is a 500 or leaks a stack. */
async function findFailures(
  role: SavedSession,
  host: string,
  urls: string[],
  signedInAt: string,
): Promise<string[]> {
  const cookie = await cookieFor(role, host);
  // Signed in, or every page would only redirect to the sign-in form.
  expect((await getWithHost(host, signedInAt, { cookie })).status).toBe(200);
  const failures: string[] = [];
  for (let start = 0; start < urls.length; start += AT_ONCE) {
    await Promise.all(
      urls.slice(start, start + AT_ONCE).map(async (url) => {
        const { status, body } = await getWithHost(host, url, { cookie });
        const shown = url.length > 120 ? `${url.slice(0, 120)}…` : url;
        if (status >= 500) failures.push(`${status} ${shown}`);
        else if (LEAK.test(body)) failures.push(`stack or database error in ${shown}`);
      }),
    );
  }
  return failures;
}

test.describe("a clinic's pages, as its owner", () => {
  test("no query string or id gives a 500", async () => {
    const ids = await withClinicDb("maple", async (db) => ({
      patient: (await db.patient.findFirstOrThrow({ select: { id: true } })).id,
      doctor: (await db.staffUser.findFirstOrThrow({ where: { role: "DOCTOR" }, select: { id: true } })).id,
      location: (await db.location.findFirstOrThrow({ select: { id: true } })).id,
    }));
    const random = seededRandom(SEED);
    const targets: Target[] = [
      { path: "/", parameters: [] },
      { path: "/dashboard", parameters: [] },
      { path: "/patients", parameters: ["q", "page", "sort", "dir"] },
      { path: "/patients/new", parameters: [] },
      { path: `/patients/${ids.patient}`, parameters: ["tab"] },
      { path: "/doctors", parameters: [] },
      { path: `/doctors/${ids.doctor}`, parameters: [] },
      { path: "/locations", parameters: [] },
      { path: "/locations/new", parameters: [] },
      { path: `/locations/${ids.location}`, parameters: [] },
      { path: "/staff", parameters: [] },
      { path: "/settings", parameters: [] },
      { path: "/audit", parameters: ["page", "person", "patient", "kind"] },
      { path: "/today", parameters: ["location", "doctor", "view", "date"] },
      { path: "/calendar", parameters: ["view", "date", "location", "doctor"] },
      { path: "/account/password", parameters: [] },
      { path: "/login", parameters: ["error"] },
      { path: "/open", parameters: ["ticket"] },
    ];
    const urls = [
      ...targets.flatMap((target) => urlsFor(target, random)),
      ...segmentUrls("/patients/"),
      ...segmentUrls("/doctors/"),
      ...segmentUrls("/locations/"),
    ];
    expect(await findFailures("clinic-admin", maple, urls, "/patients")).toEqual([]);
  });
});

test.describe("the super admin's pages", () => {
  test("no query string or id gives a 500", async () => {
    const random = seededRandom(SEED + 1);
    const targets: Target[] = [
      { path: "/super", parameters: [] },
      { path: "/super/admins", parameters: [] },
      { path: "/super/audit", parameters: ["page", "sort", "dir"] },
      { path: "/super/clinics", parameters: ["page", "status", "sort", "dir"] },
      { path: "/super/fleet", parameters: [] },
      { path: "/super/servers", parameters: [] },
      { path: "/account/password", parameters: [] },
    ];
    const urls = [
      ...targets.flatMap((target) => urlsFor(target, random)),
      ...segmentUrls("/api/super/fleet/runs/"),
    ];
    expect(await findFailures("super-admin", root, urls, "/super/clinics")).toEqual([]);
  });
});

test.describe("a clinic admin's console", () => {
  test("no query string or id gives a 500, and a route handler refuses a bad id with a 4xx", async () => {
    const clinicId = await withCentralDb(
      async (central) =>
        (await central.clinic.findFirstOrThrow({ where: { subdomain: "maple" }, select: { id: true } })).id,
    );
    const random = seededRandom(SEED + 2);
    const targets: Target[] = [
      { path: "/", parameters: [] },
      { path: "/login", parameters: [] },
      { path: "/admin", parameters: [] },
      { path: "/admin/clinics/new", parameters: ["name", "subdomain"] },
      { path: `/admin/clinics/${clinicId}/co-admins`, parameters: [] },
      { path: `/api/admin/clinics/${clinicId}/status`, parameters: [] },
    ];
    const urls = [
      ...targets.flatMap((target) => urlsFor(target, random)),
      ...segmentUrls("/admin/clinics/", "/co-admins"),
      ...segmentUrls("/api/admin/clinics/", "/status"),
    ];
    expect(await findFailures("clinic-admin", root, urls, "/admin")).toEqual([]);
    const refused = await getWithHost(root, "/api/admin/clinics/not-a-uuid/status", {
      cookie: await cookieFor("clinic-admin", root),
    });
    expect(refused.status).toBeGreaterThanOrEqual(400);
    expect(refused.status).toBeLessThan(500);
    expect(JSON.parse(refused.body)).toMatchObject({ error: { message: expect.any(String) } });
  });
});

// Last in the file, so it reads what the fuzz above made the server log.
test("the server's log holds none of the text typed into the pages", async () => {
  const log = await readFile(e2eServerLogPath(E2E_PORT), "utf8");
  expect(log.length).toBeGreaterThan(0);
  for (const typed of TYPED_TEXT) expect(log).not.toContain(typed);
});
