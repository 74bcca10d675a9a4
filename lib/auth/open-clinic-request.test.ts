import { CredentialsSignin } from "next-auth";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GET, POST } from "@/app/[tenant]/open/route";
import { type ClinicFixture, createClinicFixture } from "../testing/clinic-fixture";
import { clinicHost, TEST_CLIENT } from "../testing/requests";
import { platformAccountStore } from "./account-store";
import { answerOpenClinicPost } from "./open-clinic-request";
import { issueClinicTicket, redeemClinicTicket } from "./tickets";

let clinic: ClinicFixture;

beforeAll(async () => {
  clinic = await createClinicFixture({ subdomain: "opened" });
});

afterAll(async () => {
  await clinic?.cleanup();
});

const CONSOLE_ORIGIN = "http://localhost:3000";
const params = { params: Promise.resolve({ tenant: "opened" }) };

/** A ticket the console issued to the clinic's owner, as "Open clinic" does. */
async function issueTicket(): Promise<{ ticket: string; ticketId: string }> {
  const central = clinic.platform.central;
  const owner = clinic.platform.owner;
  const session = await platformAccountStore(central).createSession({
    accountId: owner.id,
    ip: null,
    userAgent: null,
    at: new Date(),
  });
  const row = await central.clinic.findUniqueOrThrow({ where: { subdomain: "opened" } });
  const ticket = await issueClinicTicket({
    central,
    clinic: row,
    userId: owner.id,
    authSessionId: session.id,
  });
  // The ticket names its row: `<base64url JSON { t: id, c: subdomain }>.<signature>`.
  const payload = JSON.parse(Buffer.from(ticket.split(".")[0] ?? "", "base64url").toString("utf8"));
  return { ticket, ticketId: payload.t };
}

const usedAt = async (ticketId: string) =>
  (await clinic.platform.central.clinicTicket.findUniqueOrThrow({ where: { id: ticketId } })).usedAt;
const ownerSessions = async () => {
  const owner = await clinic.db.staffUser.findUnique({ where: { email: clinic.platform.owner.email } });
  return owner ? clinic.db.staffSession.count({ where: { staffId: owner.id } }) : 0;
};

function post(ticket: string, headers: Record<string, string> = {}): Request {
  return new Request("http://opened.localhost:3000/open", {
    method: "POST",
    headers: {
      host: clinicHost("opened"),
      "content-type": "application/x-www-form-urlencoded",
      ...headers,
    },
    body: new URLSearchParams({ ticket }),
  });
}

// What Auth.js's ticket provider does inside signIn(): the route hands it the ticket only.
async function signInWithTicket(ticket: string): Promise<void> {
  const result = await redeemClinicTicket({ ticket, subdomain: "opened", ...TEST_CLIENT });
  if (!result.ok) throw new CredentialsSignin(result.message);
}

const location = (response: Response) => [response.status, response.headers.get("location")];

describe("/open on a clinic's host", () => {
  it("never redeems a ticket sent by GET: it explains where to open the clinic from", async () => {
    const { ticket, ticketId } = await issueTicket();
    const response = await GET(
      new Request(`http://opened.localhost:3000/open?ticket=${encodeURIComponent(ticket)}`, {
        headers: { host: clinicHost("opened") },
      }),
      params,
    );
    expect(location(response)).toEqual([303, "/open/from-console"]);
    expect(response.headers.get("cache-control")).toBe("no-store");
    expect(await usedAt(ticketId)).toBeNull();
  });

  it("refuses a POST that did not come from the admin console, leaving the ticket unused", async () => {
    const { ticket, ticketId } = await issueTicket();
    const before = await ownerSessions();
    for (const headers of [
      {} as Record<string, string>,
      { origin: "https://evil.test" },
      { origin: "http://opened.localhost:3000" },
      { origin: "https://localhost:3000" },
      { origin: "null" },
    ]) {
      const response = await POST(post(ticket, headers), params);
      expect(location(response)).toEqual([303, "/open/from-console?refused=origin"]);
      expect(response.headers.get("set-cookie")).toBeNull();
    }
    expect(await usedAt(ticketId)).toBeNull();
    expect(await ownerSessions()).toBe(before);
  });

  it("answers 404 on a host that is not this clinic's", async () => {
    const { ticket, ticketId } = await issueTicket();
    const response = await POST(post(ticket, { origin: CONSOLE_ORIGIN, host: "localhost:3000" }), params);
    expect(response.status).toBe(404);
    expect(await usedAt(ticketId)).toBeNull();
  });

  it("sends a POST without a well-formed ticket to the sign-in page", async () => {
    const response = await POST(post("short", { origin: CONSOLE_ORIGIN }), params);
    expect(location(response)).toEqual([303, "/login?error=ticket"]);
  });

  it("redeems the console's POST once and refuses the same ticket again", async () => {
    const { ticket, ticketId } = await issueTicket();
    const before = await ownerSessions();
    const first = await answerOpenClinicPost(post(ticket, { origin: CONSOLE_ORIGIN }), {
      tenant: "opened",
      signInWithTicket,
    });
    expect(location(first)).toEqual([303, "/dashboard"]);
    expect(first.headers.get("cache-control")).toBe("no-store");
    expect(await usedAt(ticketId)).not.toBeNull();
    expect(await ownerSessions()).toBe(before + 1);

    const again = await answerOpenClinicPost(post(ticket, { origin: CONSOLE_ORIGIN }), {
      tenant: "opened",
      signInWithTicket,
    });
    expect(location(again)).toEqual([303, "/login?error=ticket"]);
    expect(await ownerSessions()).toBe(before + 1);
  });
});
