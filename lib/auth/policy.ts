/** Sign-in and session rules, in one place (and in the README). */
export const AUTH_POLICY = {
  /** A session ends after this long without a request. */
  idleTimeoutMs: 30 * 60_000,
  /** …and this long after sign-in, whatever happens. */
  absoluteTimeoutMs: 12 * 60 * 60_000,
  /** lastSeenAt is written at most this often. */
  touchIntervalMs: 60_000,
  /** Wrong passwords for one email (sign-in or password change, account or not) within the window before it is locked… */
  accountFailures: 5,
  accountWindowMs: 15 * 60_000,
  /** …for this long. */
  lockoutMs: 15 * 60_000,
  /** Failed sign-ins from one address within the window before it is refused for lockoutMs. */
  addressFailures: 20,
  addressWindowMs: 15 * 60_000,
  /** One-time "Open clinic" tickets. */
  ticketLifetimeMs: 60_000,
  minPasswordLength: 12,
} as const;
