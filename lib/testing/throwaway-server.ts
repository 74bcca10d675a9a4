import { chmod, mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import type { CentralDb } from "../db/central";
import { type EmbeddedServer, findFreePort, startEmbeddedPostgres } from "../db/embedded-server";
import type { DatabaseServer } from "../generated/central/client";
import { encryptSecret } from "../tenancy/secrets";

export type ThrowawayServer = { embedded: EmbeddedServer; dataDir: string; stop(): Promise<void> };

/**
 * An ephemeral embedded PostgreSQL in a temporary folder of its own (`clinic-<label>-…`, removed on
 * stop), on the first free port from `port`: a second server for tests, e2e runs and benchmarks.
 */
export async function startThrowawayServer(options: {
  label: string;
  port: number;
  settings?: Record<string, string>;
  onLog?: (line: string) => void;
}): Promise<ThrowawayServer> {
  const dataDir = await mkdtemp(path.join(os.tmpdir(), `clinic-${options.label}-`));
  try {
    await chmod(dataDir, 0o755);
    const embedded = await startEmbeddedPostgres({
      dataDir,
      port: await findFreePort(options.port),
      ephemeral: true,
      settings: options.settings,
      onLog: options.onLog,
    });
    const stop = () => embedded.stop().finally(() => rm(dataDir, { recursive: true, force: true }));
    return { embedded, dataDir, stop };
  } catch (error) {
    await rm(dataDir, { recursive: true, force: true });
    throw error;
  }
}

/** Registers `embedded` as a database server of the platform, reached as its superuser. */
export function registerEmbeddedServer(
  central: CentralDb,
  embedded: EmbeddedServer,
  data: { name: string; capacity?: number },
): Promise<DatabaseServer> {
  const url = new URL(embedded.adminUrl);
  return central.databaseServer.create({
    data: {
      ...data,
      host: url.hostname,
      port: embedded.port,
      adminUser: "postgres",
      adminPasswordEncrypted: encryptSecret(decodeURIComponent(url.password)),
    },
  });
}
