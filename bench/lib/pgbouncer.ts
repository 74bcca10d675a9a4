import { type PgBouncer, runPgBouncer } from "../../lib/testing/pgbouncer";

export {
  PGBOUNCER,
  PGBOUNCER_INSTALL,
  type PgBouncer,
  pgBouncerInstalled,
} from "../../lib/testing/pgbouncer";

/**
 * A PgBouncer of the bench's own in transaction mode, on a free port, in front of `databases` of
 * the server at `host:port`; `users` (name → password) may log in (lib/testing/pgbouncer.ts).
 */
export function startPgBouncer(options: {
  host: string;
  port: number;
  databases: string[];
  users: Record<string, string>;
  poolSize: number;
}): Promise<PgBouncer> {
  return runPgBouncer({
    users: options.users,
    config: (place) =>
      [
        "[databases]",
        ...options.databases.map(
          (name) => `${name} = host=${options.host} port=${options.port} dbname=${name}`,
        ),
        "[pgbouncer]",
        "listen_addr = 127.0.0.1",
        `listen_port = ${place.port}`,
        "unix_socket_dir =",
        "auth_type = scram-sha-256",
        `auth_file = ${place.authFile}`,
        `admin_users = ${place.adminUser}`,
        "pool_mode = transaction",
        `default_pool_size = ${options.poolSize}`,
        "max_client_conn = 200",
        // pg sends these at start-up; PgBouncer refuses parameters it does not know unless told to ignore them.
        "ignore_startup_parameters = extra_float_digits,options,statement_timeout",
        `logfile = ${place.dir}/pgbouncer.log`,
        `pidfile = ${place.dir}/pgbouncer.pid`,
        "",
      ].join("\n"),
  });
}
