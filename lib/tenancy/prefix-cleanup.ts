import pg from "pg";
import { quoteIdent } from "./names";

/**
 * Drops every database (templates included) and role whose name starts with `prefix`: how test
 * runs, which give their clinics a TENANT_NAME_PREFIX of their own, remove what they made.
 */
export async function dropObjectsWithPrefix(adminUrl: string, prefix: string): Promise<void> {
  if (!/^[a-z][a-z0-9_]{0,15}$/.test(prefix))
    throw new Error("Refusing to drop objects without a valid name prefix.");
  const like = `${prefix.replaceAll("_", "\\_")}%`;
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    const databases = await client.query<{ datname: string }>(
      "SELECT datname FROM pg_database WHERE datname LIKE $1",
      [like],
    );
    for (const { datname } of databases.rows) {
      await client.query(`ALTER DATABASE ${quoteIdent(datname)} IS_TEMPLATE false`);
      await client.query(`DROP DATABASE IF EXISTS ${quoteIdent(datname)} WITH (FORCE)`);
    }
    const roles = await client.query<{ rolname: string }>(
      "SELECT rolname FROM pg_roles WHERE rolname LIKE $1",
      [like],
    );
    for (const { rolname } of roles.rows) await client.query(`DROP ROLE IF EXISTS ${quoteIdent(rolname)}`);
  } finally {
    await client.end();
  }
}
