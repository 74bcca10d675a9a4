import { execFileSync } from "node:child_process";
import { NGINX_BIN, nginxInstalled } from "../../lib/testing/nginx-server";
import { PGBOUNCER_INSTALL, pgBouncerInstalled } from "../../lib/testing/pgbouncer";

function pgbenchInstalled(): boolean {
  try {
    execFileSync("pgbench", ["--version"], { stdio: "ignore" });
    return true;
  } catch {
    return false;
  }
}

/** One line per tool the chosen options need and this machine lacks, saying how to install it. */
export function missingRoutingTools(needs: {
  nginx: boolean;
  pgbouncer: boolean;
  pgbench: boolean;
}): string[] {
  const missing: string[] = [];
  if (needs.nginx && !nginxInstalled)
    missing.push(
      `  nginx (--processes) is not at ${NGINX_BIN}: apt-get install --no-upgrade nginx (or set NGINX_BIN)`,
    );
  if (needs.pgbouncer && !pgBouncerInstalled())
    missing.push(`  pgbouncer (--pgbouncer): ${PGBOUNCER_INSTALL}`);
  if (needs.pgbench && !pgbenchInstalled())
    missing.push(
      "  pgbench (the uniform run's backend-start ceiling) comes with PostgreSQL's server package (Debian: postgresql-15, already there where the server runs); or leave out uniform: --distribution zipf",
    );
  return missing;
}
