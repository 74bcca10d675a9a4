import type { CentralDb } from "../db/central";
import { AppError } from "../errors";
import type { AccountStore } from "./account-store";
import { hashPassword, verifyPassword } from "./password";
import type { RequestClient } from "./request-context";
import { lockedMessage } from "./sign-in";
import { accountLockedUntil, clearAccountFailures, recordAccountFailure } from "./throttle";

/**
 * Replaces the account's password once its current one is given, and ends every session of the
 * account. Wrong current passwords count with wrong sign-ins (one counter per email): the fifth
 * locks the account for both, so a stolen session cannot be used to guess the password. Every
 * failure is audited, never the password.
 */
export async function changePassword(options: {
  store: AccountStore;
  central: CentralDb;
  accountId: string;
  currentPassword: string;
  newPassword: string;
  client: RequestClient;
  now?: Date;
}): Promise<void> {
  const { store, central, client } = options;
  const now = options.now ?? new Date();
  const account = await store.findById(options.accountId);
  if (!account) throw new AppError("NOT_FOUND", "This account no longer exists.");
  const audit = (action: string, details?: Record<string, boolean>, on = store) =>
    on.audit({ action, actorId: account.id, actorEmail: account.email, details, ...client });
  const refuse = (message: string) => new AppError("INVALID", message, { currentPassword: message });

  const lock = await accountLockedUntil(central, store.realm, account.email, now);
  if (lock) {
    await audit("password.change-refused-locked");
    throw refuse(lockedMessage(lock, now, "wrong passwords"));
  }
  if (!(await verifyPassword(account.passwordHash, options.currentPassword))) {
    const lockedUntil = await recordAccountFailure(central, store.realm, account.email, now);
    await audit("password.change-failed", lockedUntil ? { lockedOut: true } : undefined);
    throw refuse(
      lockedUntil ? lockedMessage(lockedUntil, now, "wrong passwords") : "The current password is not right.",
    );
  }
  await clearAccountFailures(central, store.realm, account.email);
  const passwordHash = await hashPassword(options.newPassword);
  await store.transaction(async (tx) => {
    await tx.update(account.id, { passwordHash, mustChangePassword: false, bumpSessionVersion: true });
    await tx.revokeSessions({ accountId: account.id }, now);
    await audit("password.changed", undefined, tx);
  });
}
