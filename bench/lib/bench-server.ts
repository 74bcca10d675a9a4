import { chmod, mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { parseDatabaseUrl } from "../../lib/db/database-url";
import { findFreePort, startEmbeddedPostgres } from "../../lib/db/embedded-server";

/** The PostgreSQL a benchmark runs against: DATABASE_URL's server, else a throwaway embedded one. */
export async function startBenchServer(): Promise<{ adminUrl: string; kind: string; stop(): Promise<void> }> {
  if (process.env.DATABASE_URL) {
    return {
      adminUrl: parseDatabaseUrl(process.env.DATABASE_URL).toString(),
      kind: "DATABASE_URL server",
      stop: async () => {},
    };
  }
  const dataDir = await mkdtemp(path.join(os.tmpdir(), "clinic-bench-pg-"));
  await chmod(dataDir, 0o755);
  const server = await startEmbeddedPostgres({ dataDir, port: await findFreePort(59432), ephemeral: true });
  return {
    adminUrl: server.adminUrl,
    kind: "embedded PostgreSQL 15",
    stop: async () => {
      await server.stop().finally(() => rm(dataDir, { recursive: true, force: true }));
    },
  };
}

export function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? Number.NaN;
}

export const median = (values: number[]) => percentile(values, 50);

export function machineLine(): string {
  return `${os.cpus().length} cores (${os.cpus()[0]?.model ?? "?"}), ${Math.round(os.totalmem() / 2 ** 30)} GiB, Node ${process.version}`;
}
