import { type ChildProcess, spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync } from "node:fs";
import { chown, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { findFreePort, isPortFree } from "../../lib/db/embedded-server";

export const PGBOUNCER = "/usr/sbin/pgbouncer";
export const PGBOUNCER_INSTALL = "apt-get install pgbouncer (Debian's 1.18 or newer)";
const ADMIN_USER = "bench_bouncer_admin";

export type PgBouncer = {
  port: number;
  /** Runs one command on the admin console (PAUSE db, RESUME db, SHOW POOLS). */
  admin(command: string): Promise<pg.QueryResult>;
  stop(): Promise<void>;
};

/**
 * A PgBouncer of the bench's own in transaction mode, on a free port, in front of `databases` of
 * the server at `host:port`; `users` (name → password) may log in, and the admin console is
 * reached with a generated password. Runs as the `postgres` user when started as root (PgBouncer
 * refuses root). Its temporary directory (config, password file, log) goes with stop().
 */
export async function startPgBouncer(options: {
  host: string;
  port: number;
  databases: string[];
  users: Record<string, string>;
  poolSize: number;
}): Promise<PgBouncer> {
  const dir = await mkdtemp(path.join(os.tmpdir(), "clinic-bench-pgbouncer-"));
  const port = await findFreePort(56432 + Math.floor(Math.random() * 500));
  const adminPassword = randomBytes(12).toString("hex");
  const quote = (value: string) => `"${value.replaceAll('"', '""')}"`;
  const users = { ...options.users, [ADMIN_USER]: adminPassword };
  await writeFile(
    path.join(dir, "users.txt"),
    Object.entries(users)
      .map(([name, password]) => `${quote(name)} ${quote(password)}\n`)
      .join(""),
    { mode: 0o600 },
  );
  await writeFile(path.join(dir, "pgbouncer.ini"), config(dir, port, options), { mode: 0o600 });
  const owner = process.getuid?.() === 0 ? await postgresUser() : undefined;
  if (owner) {
    for (const file of ["", "users.txt", "pgbouncer.ini"])
      await chown(path.join(dir, file), owner.uid, owner.gid);
  }
  const child = spawn(PGBOUNCER, [path.join(dir, "pgbouncer.ini")], {
    stdio: ["ignore", "ignore", "pipe"],
    ...(owner ?? {}),
  });
  let stderr = "";
  child.stderr?.on("data", (piece: Buffer) => {
    stderr += piece.toString();
  });
  const stop = async () => {
    await stopChild(child);
    await rm(dir, { recursive: true, force: true });
  };
  try {
    await waitForPort(port, child, () => stderr || readFile(path.join(dir, "pgbouncer.log"), "utf8"));
  } catch (error) {
    await stop();
    throw error;
  }
  const adminUrl = `postgresql://${ADMIN_USER}:${adminPassword}@127.0.0.1:${port}/pgbouncer`;
  return {
    port,
    admin: async (command) => {
      const client = new pg.Client({ connectionString: adminUrl });
      await client.connect();
      try {
        return await client.query(command);
      } finally {
        await client.end().catch(() => {});
      }
    },
    stop,
  };
}

function config(
  dir: string,
  port: number,
  options: { host: string; port: number; databases: string[]; poolSize: number },
): string {
  return [
    "[databases]",
    ...options.databases.map((name) => `${name} = host=${options.host} port=${options.port} dbname=${name}`),
    "[pgbouncer]",
    "listen_addr = 127.0.0.1",
    `listen_port = ${port}`,
    "unix_socket_dir =",
    "auth_type = scram-sha-256",
    `auth_file = ${path.join(dir, "users.txt")}`,
    `admin_users = ${ADMIN_USER}`,
    "pool_mode = transaction",
    `default_pool_size = ${options.poolSize}`,
    "max_client_conn = 200",
    // pg sends these at start-up; PgBouncer refuses parameters it does not know unless told to ignore them.
    "ignore_startup_parameters = extra_float_digits,options,statement_timeout",
    `logfile = ${path.join(dir, "pgbouncer.log")}`,
    `pidfile = ${path.join(dir, "pgbouncer.pid")}`,
    "",
  ].join("\n");
}

async function postgresUser(): Promise<{ uid: number; gid: number } | undefined> {
  const passwd = await readFile("/etc/passwd", "utf8").catch(() => "");
  for (const name of ["postgres", "nobody"]) {
    const fields = passwd
      .split("\n")
      .find((line) => line.startsWith(`${name}:`))
      ?.split(":");
    if (fields?.[2] && fields[3]) return { uid: Number(fields[2]), gid: Number(fields[3]) };
  }
  return undefined;
}

async function waitForPort(port: number, child: ChildProcess, output: () => string | Promise<string>) {
  const until = Date.now() + 10_000;
  while (Date.now() < until) {
    if (child.exitCode !== null) throw new Error(`pgbouncer exited at start: ${await output()}`);
    if (!(await isPortFree(port))) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`pgbouncer did not listen on ${port} within 10 s: ${await output()}`);
}

async function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((resolve) => child.once("exit", resolve));
  child.kill("SIGTERM");
  await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 5_000))]);
  if (child.exitCode === null && child.signalCode === null) child.kill("SIGKILL");
}

export const pgBouncerInstalled = () => existsSync(PGBOUNCER);
