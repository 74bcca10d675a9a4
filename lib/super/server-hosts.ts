import { parseDatabaseUrl } from "../db/database-url";

type Env = Readonly<Record<string, string | undefined>>;

export type ServerHost = { host: string; port: number };

const POSTGRES_PORT = 5432;

/**
 * The hosts and ports the super admin may connect to when adding a server: DATABASE_SERVER_HOSTS
 * (comma-separated `host[:port]`, port 5432 when left out, `[v6]:port` for IPv6), else only the
 * server of DATABASE_URL. A connection test is otherwise a port scanner inside the network.
 */
export function findAllowedServerHosts(env: Env = process.env): ServerHost[] {
  const listed = env.DATABASE_SERVER_HOSTS?.trim();
  if (listed) {
    return listed
      .split(",")
      .map((entry) => entry.trim())
      .filter(Boolean)
      .map(parseServerHost);
  }
  if (!env.DATABASE_URL) return [];
  const url = parseDatabaseUrl(env.DATABASE_URL);
  return [{ host: normaliseHost(url.hostname), port: Number(url.port || POSTGRES_PORT) }];
}

export function isServerHostAllowed(address: ServerHost, env: Env = process.env): boolean {
  const host = normaliseHost(address.host);
  return findAllowedServerHosts(env).some(
    (allowed) => allowed.host === host && allowed.port === address.port,
  );
}

/** `db.internal`, `db.internal:5433`, `10.0.0.5:6432`, `[fd00::5]:5432`. */
function parseServerHost(entry: string): ServerHost {
  const bracketed = /^\[([^\]]+)\](?::(\d+))?$/.exec(entry);
  if (bracketed)
    return { host: normaliseHost(bracketed[1] ?? ""), port: Number(bracketed[2] ?? POSTGRES_PORT) };
  const [host = "", port, ...rest] = entry.split(":");
  // More than one colon without brackets: an IPv6 address with no port.
  if (rest.length > 0) return { host: normaliseHost(entry), port: POSTGRES_PORT };
  return { host: normaliseHost(host), port: Number(port ?? POSTGRES_PORT) };
}

function normaliseHost(host: string): string {
  return host.replace(/^\[|\]$/g, "").toLowerCase();
}

/** For messages: `host:port`, IPv6 in brackets. */
export function formatServerHost({ host, port }: ServerHost): string {
  return host.includes(":") ? `[${host}]:${port}` : `${host}:${port}`;
}
