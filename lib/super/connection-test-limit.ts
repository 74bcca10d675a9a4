import { AppError } from "../errors";
import type { Prisma } from "../generated/central/client";

type CentralTx = Prisma.TransactionClient;

/** Connection tests a super admin may run per window: enough to fix a typo, too few to scan a network. */
export const CONNECTION_TEST_LIMIT = { attempts: 10, windowMs: 10 * 60_000 };

/**
 * Counts one connection test by this admin in the sign-in throttle table (one row per admin, one
 * atomic upsert, so parallel tests cannot slip past the count). Over the limit it throws, and the
 * caller's transaction rolls the count back with everything else.
 */
export async function countConnectionTest(tx: CentralTx, userId: string, now = new Date()): Promise<void> {
  const key = `server-connection-test:${userId}`;
  const windowStart = new Date(now.getTime() - CONNECTION_TEST_LIMIT.windowMs);
  const [row] = await tx.$queryRaw<{ attempts: number; windowStartedAt: Date }[]>`
    INSERT INTO sign_in_throttles (key, failures, window_started_at)
    VALUES (${key}, 1, ${now})
    ON CONFLICT (key) DO UPDATE SET
      failures = CASE WHEN sign_in_throttles.window_started_at > ${windowStart}
                      THEN sign_in_throttles.failures + 1 ELSE 1 END,
      window_started_at = CASE WHEN sign_in_throttles.window_started_at > ${windowStart}
                               THEN sign_in_throttles.window_started_at ELSE ${now} END
    RETURNING failures AS attempts, window_started_at AS "windowStartedAt"`;
  if (row && row.attempts > CONNECTION_TEST_LIMIT.attempts) {
    const freeAt = row.windowStartedAt.getTime() + CONNECTION_TEST_LIMIT.windowMs;
    const minutes = Math.max(1, Math.ceil((freeAt - now.getTime()) / 60_000));
    throw new AppError(
      "UNAVAILABLE",
      `You have tested ${CONNECTION_TEST_LIMIT.attempts} server connections in the last ${CONNECTION_TEST_LIMIT.windowMs / 60_000} minutes. Try again in ${minutes} minute${minutes === 1 ? "" : "s"}.`,
    );
  }
}
