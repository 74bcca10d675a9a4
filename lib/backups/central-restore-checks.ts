import type pg from "pg";
import { AppError } from "../errors";
import { decryptSecret } from "../tenancy/secrets";
import type { Manifest } from "./manifest";

/**
 * Decrypts every password the restored registry stores (clinic roles, database servers' admins)
 * with TENANT_SECRETS_KEY: with another key the app could reach no clinic, so the restore stops
 * here. Returns how many were checked.
 */
export async function checkStoredSecrets(restored: pg.Client, secretsKey: Buffer): Promise<number> {
  const { rows } = await restored.query<{ owner: string; secret: string }>(
    `SELECT 'clinic ' || subdomain AS owner, role_password_encrypted AS secret FROM clinics
      WHERE role_password_encrypted IS NOT NULL AND status IN ('ACTIVE', 'SUSPENDED')
     UNION ALL
     SELECT 'database server ' || name, admin_password_encrypted FROM database_servers
      WHERE admin_password_encrypted IS NOT NULL`,
  );
  const unreadable = rows.filter((row) => !canDecrypt(row.secret, secretsKey)).map((row) => row.owner);
  if (unreadable.length) {
    const shown = unreadable.slice(0, 3).join(", ");
    const more = unreadable.length > 3 ? ` and ${unreadable.length - 3} more` : "";
    throw new AppError(
      "INVALID",
      `${unreadable.length} of ${rows.length} stored passwords (${shown}${more}) do not decrypt with this TENANT_SECRETS_KEY: set the key the platform ran with when the backup was taken. Nothing was swapped.`,
    );
  }
  return rows.length;
}

function canDecrypt(secret: string, key: Buffer): boolean {
  try {
    decryptSecret(secret, key);
    return true;
  } catch {
    return false;
  }
}

/** Sessions on `database` other than this one, and their application names. */
export async function findOtherSessions(
  admin: pg.Client,
  database: string,
): Promise<{ count: number; applications: string }> {
  const { rows } = await admin.query<{ count: number; applications: string | null }>(
    `SELECT count(*)::int AS count, string_agg(DISTINCT nullif(application_name, ''), ', ') AS applications
       FROM pg_stat_activity WHERE datname = $1 AND pid <> pg_backend_pid()`,
    [database],
  );
  return { count: rows[0]?.count ?? 0, applications: rows[0]?.applications ?? "" };
}

/** The server's default encoding and locale (template0's), for a backup restored without a manifest. */
export async function templateLocale(admin: pg.Client): Promise<Manifest["database"]> {
  const { rows } = await admin.query<Manifest["database"]>(
    `SELECT pg_encoding_to_char(encoding) AS encoding, datcollate AS collate, datctype AS ctype
       FROM pg_database WHERE datname = 'template0'`,
  );
  if (!rows[0]) throw new Error("template0 was not found in pg_database.");
  return rows[0];
}
