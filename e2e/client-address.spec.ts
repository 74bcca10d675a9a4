import { randomBytes } from "node:crypto";
import http from "node:http";
import { expect, test } from "@playwright/test";
import { AUTH_POLICY } from "@/lib/auth/policy";
import { withClinicDb } from "./support/central-db";
import { E2E_PORT } from "./support/origins";
import { provisionOwnClinic } from "./support/own-clinics";
import { postServerAction, serverActionId } from "./support/server-action";

const ATTEMPTS = 100;
const LOCKED = "Too many failed sign-ins";

// Password spraying: one connection, a new account and a new forged address on every guess. With no
// trusted proxy configured, the server must count every guess against the connection's real address.
test("100 sign-ins with rotating X-Forwarded-For from one socket lock the real address, which the audit log shows", async () => {
  test.setTimeout(180_000);
  // A clinic of this test's own: locking this machine's address there cannot refuse other specs' sign-ins.
  const subdomain = `spray-${randomBytes(2).toString("hex")}`;
  await provisionOwnClinic({ subdomain, name: "Spray Target Clinic" });
  const actionId = serverActionId("lib/actions/account/sign-in.ts", "signInAction");
  const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
  const emails: string[] = [];
  const answers: string[] = [];
  const sockets = new Set<unknown>();
  try {
    for (let attempt = 1; attempt <= ATTEMPTS; attempt++) {
      const email = `guess${attempt}@${subdomain}.test`;
      emails.push(email);
      const response = await postServerAction({
        agent,
        host: `${subdomain}.localhost:${E2E_PORT}`,
        path: "/login",
        actionId,
        args: [{ email, password: "Spring2026!" }],
        headers: { "x-forwarded-for": `198.51.100.${attempt % 250}`, "x-real-ip": `203.0.113.${attempt}` },
      });
      expect(response.status).toBe(200);
      sockets.add(response.socket);
      answers.push(response.body.includes(LOCKED) ? "locked" : "refused");
    }
  } finally {
    agent.destroy();
  }

  expect(sockets.size).toBe(1);
  const limit = AUTH_POLICY.addressFailures;
  expect(answers.slice(0, limit)).toEqual(Array(limit).fill("refused"));
  expect(answers.slice(limit)).toEqual(Array(ATTEMPTS - limit).fill("locked"));

  const audit = await withClinicDb(subdomain, (db) =>
    db.auditEvent.findMany({ where: { actorEmail: { in: emails } }, select: { ip: true } }),
  );
  expect(audit).toHaveLength(ATTEMPTS);
  expect(new Set(audit.map((event) => event.ip))).toEqual(new Set(["127.0.0.1"]));
});
