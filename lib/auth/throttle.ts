import { createHash } from "node:crypto";
import type { CentralDb } from "../db/central";
import { AUTH_POLICY } from "./policy";

// Addresses are hashed: the table needs to tell them apart, not to know them.
function addressKey(realm: string, ip: string): string {
  return `address:${realm}:${createHash("sha256").update(ip).digest("base64url")}`;
}

/** The time until which sign-ins from this address are refused, if they are. */
export async function addressLockedUntil(central: CentralDb, realm: string, ip: string, now = new Date()) {
  const row = await central.signInThrottle.findUnique({ where: { key: addressKey(realm, ip) } });
  return row?.lockedUntil && row.lockedUntil > now ? row.lockedUntil : null;
}

/** Counts a failed sign-in from an address; past the limit within the window, locks it. */
export async function recordAddressFailure(central: CentralDb, realm: string, ip: string, now = new Date()) {
  const key = addressKey(realm, ip);
  const windowStart = new Date(now.getTime() - AUTH_POLICY.addressWindowMs);
  const row = await central.signInThrottle.findUnique({ where: { key } });
  const failures = row && row.windowStartedAt > windowStart ? row.failures + 1 : 1;
  const lockedUntil =
    failures >= AUTH_POLICY.addressFailures ? new Date(now.getTime() + AUTH_POLICY.lockoutMs) : null;
  await central.signInThrottle.upsert({
    where: { key },
    create: { key, failures, windowStartedAt: now, lockedUntil },
    update: {
      failures,
      lockedUntil,
      ...(failures === 1 ? { windowStartedAt: now } : {}),
    },
  });
}
