import { randomBytes } from "node:crypto";
import pg from "pg";
import type { CentralDb } from "../db/central";
import { AppError } from "../errors";
import type { DatabaseServer } from "../generated/central/client";
import { getTenantNamePrefix, quoteIdent, quoteLiteral } from "../tenancy/names";
import { describeConnectionFailure, withServerConnection } from "./server-connection";

export type ServerCheck = {
  key: "password-authentication" | "public-connect" | "ssl" | "version" | "connection";
  title: string;
  status: "ok" | "warning";
  /** What was found and what it means, in a sentence or two. */
  summary: string;
  /** What the operator should do, when anything. */
  fix?: string;
  /** Statements to run as the server's admin, when they are the fix. */
  sql?: string;
};

export type ServerCheckReport = { serverId: string; checkedAt: string; checks: ServerCheck[] };

const OLDEST_SUPPORTED_MAJOR = 15;
/** A server's own databases that PostgreSQL opens to every role; clinic databases are closed by provisioning. */
export const SHARED_DATABASES = ["postgres", "template1"];
const LOOPBACK = new Set(["localhost", "127.0.0.1", "::1"]);

/**
 * Looks at how a server is set up where the platform cannot decide for its operator: whether
 * passwords are checked, whether every role may connect to its shared databases, SSL, version.
 * Reads only, besides a throwaway role that exists for the password test alone.
 */
export async function checkDatabaseServer(options: {
  central: CentralDb;
  serverId: string;
  now?: Date;
}): Promise<ServerCheckReport> {
  const server = await options.central.databaseServer.findUnique({ where: { id: options.serverId } });
  if (!server) throw new AppError("NOT_FOUND", "There is no such database server.");
  const checkedAt = (options.now ?? new Date()).toISOString();
  try {
    const checks = await withServerConnection({ server }, async (admin) => [
      await checkPasswordAuthentication(server, admin),
      await checkPublicConnect(server, admin),
      await checkSsl(server, admin),
      await checkVersion(admin),
    ]);
    return { serverId: server.id, checkedAt, checks };
  } catch (error) {
    const { message } = describeConnectionFailure(error, server);
    const connection: ServerCheck = {
      key: "connection",
      title: "Connection",
      status: "warning",
      summary: `The platform could not connect to ${server.host}:${server.port} as ${server.adminUser}: ${message}`,
      fix: "Check that the server is up and reachable from the platform, then run the checks again.",
    };
    return { serverId: server.id, checkedAt, checks: [connection] };
  }
}

/**
 * Connects as a throwaway role with a wrong password. Its own password has expired, so under
 * password authentication nobody could sign in as it; only a server that checks no password
 * (trust) lets the connection through.
 */
export async function checkPasswordAuthentication(
  server: DatabaseServer,
  admin: pg.Client,
): Promise<ServerCheck> {
  const role = `${getTenantNamePrefix()}password_check_${randomBytes(4).toString("hex")}`;
  const title = "Password authentication";
  try {
    await admin.query(
      `CREATE ROLE ${quoteIdent(role)} LOGIN NOINHERIT PASSWORD ${quoteLiteral(randomBytes(24).toString("base64url"))} VALID UNTIL '2000-01-01'`,
    );
  } catch {
    return {
      key: "password-authentication",
      title,
      status: "warning",
      summary: `Could not tell whether passwords are checked: ${server.adminUser} may not create the throwaway role the test signs in as.`,
      fix: "Give the admin user CREATEROLE (it needs it for clinics anyway), or check pg_hba.conf by hand: every host line for the platform's addresses should use scram-sha-256.",
    };
  }
  try {
    const outcome = await tryWrongPassword(server, role);
    if (outcome === "refused") {
      return {
        key: "password-authentication",
        title,
        status: "ok",
        summary:
          "A wrong password was refused: the server checks passwords, so a clinic's role cannot be used without its own.",
      };
    }
    if (outcome === "accepted") {
      return {
        key: "password-authentication",
        title,
        status: "warning",
        summary:
          "A wrong password was accepted: the server lets the platform's host in without checking passwords (trust authentication), so anyone on that host can connect as any clinic's role, or as the admin.",
        fix: "In pg_hba.conf, change the method of the host lines that match the platform's addresses from trust to scram-sha-256, make sure password_encryption = scram-sha-256, then reload PostgreSQL (SELECT pg_reload_conf()). The platform's roles already have passwords; the admin user needs one too.",
      };
    }
    return {
      key: "password-authentication",
      title,
      status: "warning",
      summary: `Could not tell whether passwords are checked: ${outcome.reason}`,
      fix: "Check pg_hba.conf by hand: every host line for the platform's addresses should use scram-sha-256.",
    };
  } finally {
    await admin.query(`DROP ROLE IF EXISTS ${quoteIdent(role)}`);
  }
}

async function tryWrongPassword(
  server: DatabaseServer,
  role: string,
): Promise<"refused" | "accepted" | { reason: string }> {
  const client = new pg.Client({
    host: server.host,
    port: server.port,
    user: role,
    password: `wrong-${randomBytes(12).toString("hex")}`,
    database: "postgres",
    connectionTimeoutMillis: 5_000,
  });
  client.on("error", () => {});
  try {
    await client.connect();
    return "accepted";
  } catch (error) {
    const code = (error as { code?: string }).code;
    // 28P01: wrong password; 28000: pg_hba.conf refused the connection before any password.
    if (code === "28P01" || code === "28000") return "refused";
    // 42501 (no CONNECT on postgres) is checked only after the role was let in.
    if (code === "42501") return "accepted";
    return { reason: describeConnectionFailure(error, { ...server, adminUser: role }).message };
  } finally {
    await client.end().catch(() => {});
  }
}

/** PostgreSQL lets every role connect to a new database; the operator's postgres and template1 included. */
export async function checkPublicConnect(
  server: DatabaseServer,
  admin: pg.Client,
  databases = SHARED_DATABASES,
): Promise<ServerCheck> {
  const { rows } = await admin.query<{ name: string; super: boolean }>(
    `SELECT datname AS name, (SELECT rolsuper FROM pg_roles WHERE rolname = current_user) AS super
       FROM pg_database
      WHERE datname = ANY($1) AND has_database_privilege('public', oid, 'CONNECT')
      ORDER BY datname`,
    [databases],
  );
  const title = "Shared databases closed to clinic roles";
  if (rows.length === 0) {
    return {
      key: "public-connect",
      title,
      status: "ok",
      summary: `Only roles granted CONNECT may connect to ${databases.join(" and ")}; a clinic's role reaches its own database alone.`,
    };
  }
  const names = rows.map((row) => row.name);
  const adminIsSuper = rows[0]?.super ?? false;
  const statements = names.map(
    (name) => `REVOKE CONNECT, TEMPORARY ON DATABASE ${quoteForDisplay(name)} FROM PUBLIC;`,
  );
  // A non-superuser admin connects to postgres through PUBLIC too; it must keep its way in.
  if (names.includes("postgres") && !adminIsSuper)
    statements.unshift(`GRANT CONNECT ON DATABASE postgres TO ${quoteForDisplay(server.adminUser)};`);
  return {
    key: "public-connect",
    title,
    status: "warning",
    summary: `Every role on this server, each clinic's included, may connect to ${names.join(" and ")} (PostgreSQL's default). They hold no clinic's records, but a clinic's role should reach its own database only. The platform leaves the server's own databases to you.`,
    fix: "Run, as the server's admin:",
    sql: statements.join("\n"),
  };
}

export async function checkSsl(server: DatabaseServer, admin: pg.Client): Promise<ServerCheck> {
  const { rows } = await admin.query<{ ssl: string }>("SELECT current_setting('ssl') AS ssl");
  const title = "SSL";
  if (rows[0]?.ssl === "on") {
    return {
      key: "ssl",
      title,
      status: "ok",
      summary: "SSL is on: connections to this server can be encrypted.",
    };
  }
  if (LOOPBACK.has(server.host.toLowerCase())) {
    return {
      key: "ssl",
      title,
      status: "ok",
      summary:
        "SSL is off, but the platform reaches this server on its own machine, so nothing crosses a network.",
      fix: "Turn it on (ssl = on in postgresql.conf) before anything connects from another machine.",
    };
  }
  return {
    key: "ssl",
    title,
    status: "warning",
    summary:
      "SSL is off: passwords and clinics' records travel between the platform and this server unencrypted.",
    fix: "In postgresql.conf set ssl = on with ssl_cert_file and ssl_key_file, use hostssl instead of host lines in pg_hba.conf for the platform's addresses, then reload PostgreSQL.",
  };
}

export async function checkVersion(admin: pg.Client): Promise<ServerCheck> {
  const { rows } = await admin.query<{ version: string; number: string }>(
    "SELECT current_setting('server_version') AS version, current_setting('server_version_num') AS number",
  );
  const version = rows[0]?.version ?? "unknown";
  const major = Math.floor(Number(rows[0]?.number ?? 0) / 10_000);
  const title = "PostgreSQL version";
  if (major >= OLDEST_SUPPORTED_MAJOR) {
    return {
      key: "version",
      title,
      status: "ok",
      summary: `PostgreSQL ${version}: supported (${OLDEST_SUPPORTED_MAJOR} or newer).`,
    };
  }
  return {
    key: "version",
    title,
    status: "warning",
    summary: `PostgreSQL ${version} is older than ${OLDEST_SUPPORTED_MAJOR}, the oldest the platform supports; clinic migrations may fail on it.`,
    fix: `Upgrade the server to PostgreSQL ${OLDEST_SUPPORTED_MAJOR} or newer (pg_upgrade), or set it to DRAINING so no new clinic goes there.`,
  };
}

/** A role name as it would be typed in SQL, for the fix text only (never executed here). */
function quoteForDisplay(name: string): string {
  return /^[a-z_][a-z0-9_]*$/.test(name) ? name : `"${name.replaceAll('"', '""')}"`;
}
