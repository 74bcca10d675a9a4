// Apart from platform.ts, which pulls in embedded PostgreSQL: pages read this too.

/** Whether the operator asked to keep the central database open to every role on its server. */
export function centralDatabaseKeptOpen(env: Readonly<Record<string, string | undefined>> = process.env) {
  return env.CENTRAL_DB_OPEN_TO_PUBLIC === "1";
}
