import { type ChildProcess, spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync } from "node:fs";
import { chown, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { findFreePort, isPortFree } from "../db/embedded-server";
import { projectRoot } from "../db/project-root";
import { quoteIdent, quoteLiteral } from "../tenancy/names";

export const PGBOUNCER = "/usr/sbin/pgbouncer";
export const PGBOUNCER_INSTALL = "apt-get install pgbouncer (Debian's 1.18 or newer)";
export const pgBouncerInstalled = () => existsSync(PGBOUNCER);

const ADMIN_USER = "test_bouncer_admin";

export type PgBouncer = {
  port: number;
  /** Its admin console's user (in admin_users) and password, as a server row would name them. */
  console: { user: string; password: string };
  /** Runs one command on the admin console (PAUSE db, RESUME db, SHOW POOLS). */
  admin(command: string): Promise<pg.QueryResult>;
  /** Its log so far (pgbouncer.log in its folder). */
  log(): Promise<string>;
  stop(): Promise<void>;
};

/** Where a configuration puts things: its folder, its port, its auth_file and the console's user. */
export type PgBouncerPlace = { dir: string; port: number; authFile: string; adminUser: string };

/**
 * A PgBouncer process of the caller's own on a free port, with `config` written to a temporary
 * folder beside an auth_file of `users` (name → plain-text password) and a console user with a
 * generated password. Runs as the `postgres` user when started as root (PgBouncer refuses root).
 * Its folder (config, auth_file, log) goes with stop().
 */
export async function runPgBouncer(options: {
  users: Record<string, string>;
  config: (place: PgBouncerPlace) => string;
}): Promise<PgBouncer> {
  const dir = await mkdtemp(path.join(os.tmpdir(), "clinic-pgbouncer-"));
  const port = await findFreePort(56432 + Math.floor(Math.random() * 500));
  const adminPassword = randomBytes(12).toString("hex");
  const place = { dir, port, authFile: path.join(dir, "users.txt"), adminUser: ADMIN_USER };
  const quote = (value: string) => `"${value.replaceAll('"', '""')}"`;
  const users = { ...options.users, [ADMIN_USER]: adminPassword };
  await writeFile(
    place.authFile,
    Object.entries(users)
      .map(([name, password]) => `${quote(name)} ${quote(password)}\n`)
      .join(""),
    { mode: 0o600 },
  );
  await writeFile(path.join(dir, "pgbouncer.ini"), options.config(place), { mode: 0o600 });
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
    console: { user: ADMIN_USER, password: adminPassword },
    log: () => readFile(path.join(dir, "pgbouncer.log"), "utf8").catch(() => ""),
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

/**
 * PgBouncer's auth_user on the server of `adminUrl`, named with the platform's `prefix` (its cleanup
 * drops it), with a random password. A superuser here: auth_query reads pg_authid.
 */
export async function createPgBouncerAuthUser(
  adminUrl: string,
  prefix: string,
): Promise<{ name: string; password: string }> {
  const authUser = { name: `${prefix}pgbouncer_auth`, password: randomBytes(18).toString("base64url") };
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  try {
    await admin.query(
      `CREATE ROLE ${quoteIdent(authUser.name)} LOGIN SUPERUSER PASSWORD ${quoteLiteral(authUser.password)}`,
    );
  } finally {
    await admin.end();
  }
  return authUser;
}

/**
 * PgBouncer as deploy/pgbouncer/pgbouncer.ini configures it, changed only where a test must: in
 * front of `server`, on 127.0.0.1 and a free port, with this run's files and users. `settings`
 * replace other values of the example; a key the example does not have is refused, so the tests
 * cannot drift from what operators are told to run.
 */
export async function startExamplePgBouncer(options: {
  server: { host: string; port: number };
  authUser: { name: string; password: string };
  settings?: Record<string, string>;
}): Promise<PgBouncer> {
  const example = await readFile(path.join(projectRoot, "deploy/pgbouncer/pgbouncer.ini"), "utf8");
  return runPgBouncer({
    users: { [options.authUser.name]: options.authUser.password },
    config: (place) =>
      replaceSettings(example, {
        "*": `host=${options.server.host} port=${options.server.port}`,
        listen_addr: "127.0.0.1",
        listen_port: String(place.port),
        logfile: path.join(place.dir, "pgbouncer.log"),
        pidfile: path.join(place.dir, "pgbouncer.pid"),
        auth_file: place.authFile,
        auth_user: options.authUser.name,
        admin_users: place.adminUser,
        ...options.settings,
      }),
  });
}

function replaceSettings(ini: string, values: Record<string, string>): string {
  const unused = new Set(Object.keys(values));
  const lines = ini.split("\n").map((line) => {
    const key = /^([a-z_*]+)\s*=/.exec(line)?.[1];
    if (key === undefined || !(key in values)) return line;
    unused.delete(key);
    return `${key} = ${values[key]}`;
  });
  if (unused.size > 0) throw new Error(`deploy/pgbouncer/pgbouncer.ini has no ${[...unused].join(", ")}`);
  return lines.join("\n");
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
