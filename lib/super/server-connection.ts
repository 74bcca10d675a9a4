import pg from "pg";
import { AppError, ConfigError } from "../errors";
import type { DatabaseServer } from "../generated/central/client";
import { serverAdminUrl } from "../tenancy/servers";

// A dashboard request must not hang on a server that does not answer (pg waits forever by default).
const CONNECT_TIMEOUT_MS = 5_000;
const QUERY_TIMEOUT_MS = 10_000;

export type ServerAddress = { host: string; port: number; adminUser: string; adminPassword: string };

type ConnectionTarget = { server: DatabaseServer } | { address: ServerAddress };

/** Runs `work` with one admin connection to the `postgres` database of a server, with timeouts. */
export async function withServerConnection<T>(
  target: ConnectionTarget,
  work: (client: pg.Client) => Promise<T>,
): Promise<T> {
  const timeouts = { connectionTimeoutMillis: CONNECT_TIMEOUT_MS, query_timeout: QUERY_TIMEOUT_MS };
  const client =
    "server" in target
      ? new pg.Client({ connectionString: serverAdminUrl(target.server, "postgres"), ...timeouts })
      : new pg.Client({
          host: target.address.host,
          port: target.address.port,
          user: target.address.adminUser,
          password: target.address.adminPassword,
          database: "postgres",
          ...timeouts,
        });
  // A connection that fails after connecting emits "error"; without a listener it would crash the process.
  client.on("error", () => {});
  try {
    await client.connect();
    return await work(client);
  } finally {
    await client.end().catch(() => {});
  }
}

/**
 * Connects as the given admin and checks that it can create the clinics' databases and roles.
 * Throws an INVALID AppError that says what failed, in words (never the password).
 */
export async function testServerConnection(address: ServerAddress): Promise<{ version: string }> {
  const where = `${address.host}:${address.port}`;
  try {
    return await withServerConnection({ address }, async (client) => {
      const { rows } = await client.query<{
        version: string;
        super: boolean;
        createdb: boolean;
        createrole: boolean;
      }>(
        `SELECT current_setting('server_version') AS version, rolsuper AS super,
                rolcreatedb AS createdb, rolcreaterole AS createrole
           FROM pg_roles WHERE rolname = current_user`,
      );
      const role = rows[0];
      if (!role || !(role.super || (role.createdb && role.createrole))) {
        throw new AppError(
          "INVALID",
          `Connected to ${where}, but ${address.adminUser} may not create databases and roles; use a superuser or a role with CREATEDB and CREATEROLE.`,
          { adminUser: "Needs CREATEDB and CREATEROLE." },
        );
      }
      return { version: role.version };
    });
  } catch (error) {
    if (error instanceof AppError) throw error;
    const { message, field } = describeConnectionFailure(error, address);
    throw new AppError("INVALID", `Could not connect to ${where}: ${message} Nothing was saved.`, {
      [field]: message,
    });
  }
}

/** A PostgreSQL or network failure in words, with the form field it most likely concerns. */
export function describeConnectionFailure(
  error: unknown,
  address: Pick<ServerAddress, "host" | "port" | "adminUser">,
): { message: string; field: "host" | "port" | "adminUser" | "adminPassword" } {
  if (error instanceof ConfigError)
    return {
      message: "Its stored admin password cannot be decrypted (check TENANT_SECRETS_KEY).",
      field: "adminPassword",
    };
  const code = (error as { code?: string } | null)?.code;
  const text = error instanceof Error ? error.message : "";
  switch (code) {
    case "ENOTFOUND":
    case "EAI_AGAIN":
      return { message: `The host name ${address.host} could not be resolved.`, field: "host" };
    case "ECONNREFUSED":
      return { message: `Nothing accepts connections on port ${address.port} there.`, field: "port" };
    case "EHOSTUNREACH":
    case "ENETUNREACH":
      return { message: "The host cannot be reached from this server.", field: "host" };
    case "28P01":
      return { message: `PostgreSQL refused the password for ${address.adminUser}.`, field: "adminPassword" };
    case "28000":
      return {
        message: `PostgreSQL does not let ${address.adminUser} connect from here (check the user name and pg_hba.conf).`,
        field: "adminUser",
      };
    case "3D000":
      return { message: "The server has no postgres database to connect to.", field: "host" };
  }
  if (/timeout/i.test(text))
    return { message: `No answer within ${CONNECT_TIMEOUT_MS / 1000} seconds.`, field: "host" };
  if (/SASL|password must be a string/i.test(text))
    return { message: `The server asks ${address.adminUser} for a password.`, field: "adminPassword" };
  return { message: "The server did not accept the connection.", field: "host" };
}
