import { readFileSync } from "node:fs";
import path from "node:path";
import { expect, test } from "@playwright/test";
import { postWithHost } from "./support/http";
import { E2E_PORT } from "./support/origins";
import { savedSessionFile } from "./support/saved-sessions";

// Server actions are called by a POST to any page's path; paths the middleware's matcher skips reach
// the app without it. Whatever the path and whatever tenant headers a client adds, the action must
// run for the clinic the Host header names, or not at all.
const distDir = process.env.E2E_DIST_DIR ?? ".next-e2e";
const maple = `maple.localhost:${E2E_PORT}`;
const harbor = `harbor.localhost:${E2E_PORT}`;

/** The id a browser sends to call the booking dialog's patient search (a maple receptionist may). */
function searchPatientsActionId(): string {
  const manifest = JSON.parse(
    readFileSync(path.join(distDir, "server", "server-reference-manifest.json"), "utf8"),
  ) as { node: Record<string, { filename?: string; exportedName?: string }> };
  const found = Object.entries(manifest.node).find(
    ([, entry]) => entry.exportedName === "searchPatientsForBookingAction",
  );
  if (!found) throw new Error("searchPatientsForBookingAction is not in the build's manifest.");
  return found[0];
}

/** The maple receptionist's cookies, as the browser sends them to maple's host. */
function mapleReceptionistCookies(): string {
  const state = JSON.parse(readFileSync(savedSessionFile("maple-receptionist"), "utf8")) as {
    cookies: { name: string; value: string; domain: string }[];
  };
  return state.cookies
    .filter((cookie) => cookie.domain === "maple.localhost")
    .map((cookie) => `${cookie.name}=${cookie.value}`)
    .join("; ");
}

/** Calls the action as a browser would, on `host` and `path`, with a tenant named in forged headers. */
async function callSearch(options: { host: string; path: string; forgedTenantHost: string }) {
  const response = await postWithHost(options.host, options.path, JSON.stringify([{ query: "", page: 1 }]), {
    accept: "text/x-component",
    "content-type": "text/plain;charset=UTF-8",
    "next-action": searchPatientsActionId(),
    cookie: mapleReceptionistCookies(),
    // The Host's own Origin: another one is refused (403) before any action code runs, and the app
    // server drops a client's X-Forwarded-Host, so only the headers below are left to mislead the app.
    origin: `http://${options.host}`,
    "x-forwarded-host": options.forgedTenantHost,
    "x-tenant": options.forgedTenantHost.split(".")[0] ?? "",
  });
  return { status: response.status, ran: /"ok":true/.test(response.body), body: response.body };
}

// The booking dialog's search is an action of the calendar page only (Next finds an action by the
// page it is posted to). Before the matcher was anchored, these paths skipped the middleware and
// reached that page as the clinic segment "favicon.icox" and so on.
const lookAlikePaths = ["/favicon.icox/calendar", "/faviconXico/calendar", "/favicon.ico/calendar"];
const root = `localhost:${E2E_PORT}`;

test.describe("server actions and forged tenant headers", () => {
  test("run for the Host's clinic, whatever clinic the headers name", async () => {
    const result = await callSearch({ host: maple, path: "/calendar", forgedTenantHost: harbor });
    expect(result.ran, `${result.status} ${result.body.slice(0, 200)}`).toBe(true);
  });

  test("never run for the clinic the headers name on another host", async () => {
    for (const host of [harbor, root]) {
      for (const pathname of ["/calendar", ...lookAlikePaths]) {
        // The session is maple's and the headers say maple: only the Host could refuse it.
        const result = await callSearch({ host, path: pathname, forgedTenantHost: maple });
        expect(result.ran, `${host}${pathname}: ${result.status} ${result.body.slice(0, 200)}`).toBe(false);
        expect(result.status, `${host}${pathname}`).toBeLessThan(500);
      }
    }
  });

  test("look-alikes of the asset paths the middleware skips reach no page, so no action", async () => {
    for (const pathname of lookAlikePaths) {
      const result = await callSearch({ host: maple, path: pathname, forgedTenantHost: maple });
      expect(result.ran, `${pathname}: ${result.status} ${result.body.slice(0, 200)}`).toBe(false);
    }
  });
});
