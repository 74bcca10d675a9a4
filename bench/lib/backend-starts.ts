import { execFile } from "node:child_process";
import { writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";

const run = promisify(execFile);

/**
 * What the server can do at most for a load that needs a new backend per request: `pgbench -C`
 * (a new connection for every transaction of `SELECT 1`) against `url`, `clients` at a time for
 * `seconds`, from this machine. Returns connections per second.
 */
export async function measureBackendStarts(options: {
  url: string;
  clients: number;
  seconds: number;
}): Promise<number> {
  const script = path.join(tmpdir(), `bench-select-1-${process.pid}.sql`);
  writeFileSync(script, "SELECT 1;\n");
  const args = ["-n", "-C", "-c", String(options.clients), "-j", "2", "-T", String(options.seconds)];
  const { stdout } = await run("pgbench", [...args, "-f", script, options.url]).catch((error: unknown) => {
    const { code, stderr } = error as { code?: string; stderr?: string };
    if (code === "ENOENT")
      throw new Error(
        "pgbench is missing: apt-get install postgresql-client (it comes with the server's package).",
      );
    throw new Error(`pgbench failed: ${stderr ?? String(error)}`);
  });
  const tps = /tps = ([\d.]+)/.exec(stdout)?.[1];
  if (!tps) throw new Error(`pgbench printed no tps:\n${stdout}`);
  return Number(tps);
}
