import pg from "pg";
import type { CentralDb } from "../db/central";
import { AppError } from "../errors";
import type { DatabaseServer } from "../generated/central/client";
import { connectPoolerConsole } from "../tenancy/pooler-console";
import { clinicRequestUrl } from "../tenancy/servers";
import { describeConnectionFailure } from "./server-connection";
import { formatServerHost, type ServerHost } from "./server-hosts";

const CONNECT_TIMEOUT_MS = 5_000;
const QUERY_TIMEOUT_MS = 10_000;

/**
 * Connects through a pooler as one of the server's active clinics and checks that the clinic's own
 * database answers, before the server's requests are sent there; with no active clinic on the
 * server there is nothing to try. Throws an INVALID AppError that says what failed.
 */
export async function testPoolerAddress(options: {
  central: CentralDb;
  server: DatabaseServer;
  pooler: ServerHost;
}): Promise<void> {
  const { central, server, pooler } = options;
  const clinic = await central.clinic.findFirst({
    where: { databaseServerId: server.id, status: "ACTIVE", rolePasswordEncrypted: { not: null } },
    orderBy: { createdAt: "asc" },
  });
  if (!clinic) return;
  const where = formatServerHost(pooler);
  const client = new pg.Client({
    connectionString: clinicRequestUrl(clinic, {
      ...server,
      poolerHost: pooler.host,
      poolerPort: pooler.port,
    }),
    connectionTimeoutMillis: CONNECT_TIMEOUT_MS,
    query_timeout: QUERY_TIMEOUT_MS,
    application_name: "clinic-platform:pooler-check",
  });
  client.on("error", () => {});
  let reached: string | undefined;
  try {
    await client.connect();
    const { rows } = await client.query<{ name: string }>("SELECT current_database() AS name");
    reached = rows[0]?.name;
  } catch (error) {
    const message = describePoolerFailure(error, pooler);
    throw new AppError(
      "INVALID",
      `Clinic ${clinic.subdomain} could not reach its database through ${where}: ${message} Nothing was saved.`,
      { poolerHost: message },
    );
  } finally {
    await client.end().catch(() => {});
  }
  if (reached !== clinic.databaseName) {
    const message = `It answered from another database than clinic ${clinic.subdomain}'s; its [databases] section must send every name to the same database on ${formatServerHost(server)}.`;
    throw new AppError("INVALID", `${message} Nothing was saved.`, { poolerHost: message });
  }
}

/** PgBouncer's refusals in words, then the network and PostgreSQL ones a server test knows. */
function describePoolerFailure(error: unknown, pooler: ServerHost): string {
  const text = error instanceof Error ? error.message : "";
  if (/no such database/i.test(text))
    return "The pooler knows no such database: give its [databases] section a `*` entry for this server.";
  if (/unsupported startup parameter/i.test(text))
    return "The pooler refused a startup parameter the platform sends: list it in ignore_startup_parameters.";
  if (/password authentication failed|SASL authentication failed|no such user/i.test(text))
    return "The pooler refused the clinic's role: check its auth_type, auth_user and auth_query (deploy/pgbouncer/pgbouncer.ini).";
  if (/server login has been failing|server conn crashed|pgbouncer cannot connect/i.test(text))
    return "The pooler could not log in to the database server: check its [databases] entry and the server's pg_hba.conf.";
  return describeConnectionFailure(error, { ...pooler, adminUser: "the clinic's role" }).message;
}

/**
 * Logs in to the PgBouncer's admin console as `user` and checks that PgBouncer lists it in
 * admin_users (a stats user may look but not PAUSE), before a restore relies on it. Throws an
 * INVALID AppError that says what failed.
 */
export async function testPoolerConsole(
  pooler: ServerHost & { user: string; password: string },
): Promise<void> {
  const where = formatServerHost(pooler);
  const refuse = (message: string): never => {
    throw new AppError("INVALID", `${message} Nothing was saved.`, { poolerAdminUser: message });
  };
  let client: pg.Client | undefined;
  try {
    client = await connectPoolerConsole(pooler);
    const { rows } = await client.query<{ key: string; value: string }>("SHOW CONFIG");
    const admins = rows.find((row) => row.key === "admin_users")?.value ?? "";
    const listed = admins.split(/[\s,]+/).includes(pooler.user);
    if (!listed)
      refuse(
        `PgBouncer at ${where} does not list ${pooler.user} in admin_users: add it there, then reload PgBouncer.`,
      );
  } catch (error) {
    if (error instanceof AppError) throw error;
    const text = error instanceof Error ? error.message : "";
    if (/password authentication failed|SASL authentication failed|no such user|not allowed/i.test(text))
      refuse(
        `PgBouncer at ${where} refused ${pooler.user} on its console: check the user and password in its auth_file.`,
      );
    refuse(
      `PgBouncer's console at ${where} did not answer: ${describeConnectionFailure(error, { ...pooler, adminUser: pooler.user }).message}`,
    );
  } finally {
    await client?.end().catch(() => {});
  }
}
