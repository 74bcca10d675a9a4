import { type ChildProcess, spawn } from "node:child_process";
import { closeSync, openSync, readFileSync } from "node:fs";
import { readFile } from "node:fs/promises";
import path from "node:path";
import pg from "pg";
import { findFreePort } from "../db/free-port";
import { AppError } from "../errors";
import type { OsUser } from "./pgbackrest";
import type { ScratchPaths } from "./scratch-folder";
import { findServerBinDir } from "./server-binaries";

/** A scratch PostgreSQL running on a restored cluster, reachable only through its socket folder. */
export type ScratchInstance = { paths: ScratchPaths; port: number; user: string; process: ChildProcess };

/**
 * Starts PostgreSQL on the restored cluster (it replays WAL up to the target and promotes) and
 * resolves once it accepts connections. No TCP listener and no archiving: the copy can reach
 * nothing and nobody but this process reaches it.
 */
export async function startScratchInstance(options: {
  paths: ScratchPaths;
  osUser: OsUser | undefined;
  adminUser: string;
  env: NodeJS.ProcessEnv;
  timeoutMs?: number;
}): Promise<ScratchInstance> {
  const { paths } = options;
  const major = Number((await readFile(path.join(paths.dataDir, "PG_VERSION"), "utf8")).trim());
  const binDir = await findServerBinDir(major, options.env);
  const port = await findFreePort(55_400 + Math.floor(Math.random() * 500));
  const settings = {
    config_file: paths.configFile,
    hba_file: paths.hbaFile,
    ident_file: paths.identFile,
    port: String(port),
    listen_addresses: "",
    unix_socket_directories: paths.socketDir,
    archive_mode: "off",
    hot_standby: "off",
    max_connections: "20",
    max_wal_senders: "0",
    shared_preload_libraries: "",
    logging_collector: "off",
  };
  const serverEnv: Record<string, string | undefined> = { PATH: process.env.PATH, LC_MESSAGES: "C" };
  const log = openSync(paths.logFile, "a");
  const child = spawn(
    path.join(binDir, "postgres"),
    ["-D", paths.dataDir, ...Object.entries(settings).flatMap(([name, value]) => ["-c", `${name}=${value}`])],
    {
      cwd: "/",
      env: serverEnv as NodeJS.ProcessEnv,
      stdio: ["ignore", log, log],
      ...(options.osUser ? { uid: options.osUser.uid, gid: options.osUser.gid } : {}),
    },
  );
  closeSync(log);
  const instance = { paths, port, user: options.adminUser, process: child };
  await waitUntilPromoted(instance, options.timeoutMs ?? 600_000);
  return instance;
}

/** A client of one database of the scratch instance, as the server's admin (over the socket). */
export async function connectScratch(instance: ScratchInstance, database: string): Promise<pg.Client> {
  const client = new pg.Client({
    host: instance.paths.socketDir,
    port: instance.port,
    user: instance.user,
    database,
  });
  client.on("error", () => {});
  await client.connect();
  return client;
}

async function waitUntilPromoted(instance: ScratchInstance, timeoutMs: number): Promise<void> {
  let exited = false;
  instance.process.once("exit", () => {
    exited = true;
  });
  const deadline = Date.now() + timeoutMs;
  while (!exited && Date.now() < deadline) {
    const client = await connectScratch(instance, "postgres").catch(() => null);
    if (client) {
      const { rows } = await client.query<{ recovering: boolean }>(
        "SELECT pg_is_in_recovery() AS recovering",
      );
      await client.end().catch(() => {});
      if (rows[0]?.recovering === false) return;
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  await stopScratchInstance(instance);
  throw new AppError(
    "UNAVAILABLE",
    `The scratch PostgreSQL did not finish recovering${exited ? "" : ` within ${timeoutMs / 1000} s`}: ${lastLogError(instance.paths.logFile) ?? "see its log"}.`,
  );
}

/** Fast shutdown of the scratch instance; waits for it to exit. */
export async function stopScratchInstance(instance: ScratchInstance): Promise<void> {
  const child = instance.process;
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((resolve) => child.once("exit", resolve));
  child.kill("SIGINT");
  const stopped = await Promise.race([exited.then(() => true), sleep(30_000).then(() => false)]);
  if (!stopped) {
    child.kill("SIGKILL");
    await exited;
  }
}

function lastLogError(logFile: string): string | undefined {
  try {
    const lines = readFileSync(logFile, "utf8").split("\n");
    return lines
      .findLast((line) => /FATAL|PANIC|ERROR/.test(line))
      ?.replace(/^.*?(FATAL|PANIC|ERROR):\s*/, "");
  } catch {
    return undefined;
  }
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
