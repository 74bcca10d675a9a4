import { randomInt } from "node:crypto";

// No 0/O, 1/l/I: the password is read off a screen and typed in by someone else.
const PASSWORD_ALPHABET = "abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";

/** 16 characters (≈ 93 bits): above the 12-character minimum, typed once, then replaced. */
export function generateTemporaryPassword(length = 16): string {
  return Array.from({ length }, () => PASSWORD_ALPHABET[randomInt(PASSWORD_ALPHABET.length)]).join("");
}

/** How long a clinic's temporary password (a new account's or a reset's) works if unchanged. */
export const TEMPORARY_PASSWORD_TTL_MS = 3 * 24 * 3_600_000;

/** Whether a temporary password has run out: it was never changed and its time has passed. */
export function temporaryPasswordExpired(
  account: { mustChangePassword: boolean; temporaryPasswordExpiresAt?: Date | null },
  now: Date,
): boolean {
  const expiresAt = account.temporaryPasswordExpiresAt;
  return account.mustChangePassword && expiresAt != null && expiresAt <= now;
}
