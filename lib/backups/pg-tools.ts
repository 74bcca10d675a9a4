import { execFile, spawn } from "node:child_process";
import { existsSync, readdirSync } from "node:fs";
import path from "node:path";
import { promisify } from "node:util";
import { AppError } from "../errors";

const run = promisify(execFile);
const DEBIAN_BIN = "/usr/lib/postgresql";
const INSTALL = "install Debian's postgresql-client (apt-get install postgresql-client)";

export type PgTool = "pg_dump" | "pg_restore";
export type PgToolPaths = Record<PgTool, string>;

/**
 * pg_dump and pg_restore, checked against the server: PG_BIN_DIR when set, else the newest of
 * Debian's /usr/lib/postgresql/<major>/bin, else the PATH. A dump by an older pg_dump than the
 * server is refused by it, so this says so first, in words an operator can act on.
 */
export async function findPgTools(
  serverVersionNum: number,
  env: NodeJS.ProcessEnv = process.env,
): Promise<PgToolPaths> {
  const dir = env.PG_BIN_DIR ?? newestDebianBinDir();
  const paths = {
    pg_dump: dir ? path.join(dir, "pg_dump") : "pg_dump",
    pg_restore: dir ? path.join(dir, "pg_restore") : "pg_restore",
  };
  const serverMajor = Math.floor(serverVersionNum / 10000);
  for (const tool of ["pg_dump", "pg_restore"] as const) {
    const major = await toolMajor(paths[tool]);
    if (major === null) {
      throw new AppError(
        "UNAVAILABLE",
        `${tool} was not found: ${INSTALL}, version ${serverMajor} or newer.`,
      );
    }
    if (major < serverMajor) {
      throw new AppError(
        "UNAVAILABLE",
        `${tool} is version ${major}, older than the database server (${serverMajor}): ${INSTALL}-${serverMajor} or newer.`,
      );
    }
  }
  return paths;
}

function newestDebianBinDir(): string | undefined {
  if (!existsSync(DEBIAN_BIN)) return undefined;
  const majors = readdirSync(DEBIAN_BIN)
    .filter((name) => /^[0-9]+$/.test(name) && existsSync(path.join(DEBIAN_BIN, name, "bin", "pg_dump")))
    .map(Number)
    .sort((a, b) => b - a);
  return majors[0] === undefined ? undefined : path.join(DEBIAN_BIN, String(majors[0]), "bin");
}

/** The major version a PostgreSQL binary reports (`--version`), null when it does not run. */
export async function toolMajor(file: string): Promise<number | null> {
  try {
    const { stdout } = await run(file, ["--version"]);
    const match = /\(PostgreSQL\)\s+([0-9]+)/.exec(stdout);
    return match?.[1] ? Number(match[1]) : null;
  } catch {
    return null;
  }
}

/**
 * The environment a PostgreSQL tool connects with: the password travels in PGPASSWORD, never on
 * the command line (where `ps` shows it). `applicationName` lets a later job attempt end it.
 */
export function pgToolEnv(url: string, applicationName: string): Record<string, string | undefined> {
  const parsed = new URL(url);
  const env: Record<string, string | undefined> = {
    PATH: process.env.PATH,
    PGHOST: parsed.hostname,
    PGPORT: parsed.port || "5432",
    PGUSER: decodeURIComponent(parsed.username),
    PGDATABASE: decodeURIComponent(parsed.pathname.slice(1)),
    PGAPPNAME: applicationName,
    PGCONNECT_TIMEOUT: "10",
  };
  if (parsed.password) env.PGPASSWORD = decodeURIComponent(parsed.password);
  const sslmode = parsed.searchParams.get("sslmode");
  if (sslmode) env.PGSSLMODE = sslmode;
  return env;
}

export type RunningTool = {
  stdout: NodeJS.ReadableStream;
  /** Resolves when the tool exits 0; rejects with its last error line otherwise. */
  done: Promise<void>;
  kill(): void;
};

const NICE = "/usr/bin/nice";
const IONICE = "/usr/bin/ionice";
let lowPriorityPrefix: string[] | undefined;

/**
 * What a tool runs under so that a backup yields to the clinic's own queries: `ionice -c 3` (idle
 * I/O class) and `nice -n 10`, each when it exists (looked for once), none with BACKUP_NICE=off.
 */
export function pgToolCommand(
  file: string,
  args: string[],
  settings: Readonly<Record<string, string | undefined>> = process.env,
): { command: string; args: string[] } {
  lowPriorityPrefix ??= [
    ...(existsSync(IONICE) ? [IONICE, "-c", "3"] : []),
    ...(existsSync(NICE) ? [NICE, "-n", "10"] : []),
  ];
  const prefix = settings.BACKUP_NICE === "off" ? [] : lowPriorityPrefix;
  const [command = file, ...rest] = [...prefix, file, ...args];
  return { command, args: rest };
}

/**
 * Starts a tool (at low priority, see pgToolCommand; `settings` is where BACKUP_NICE is read); its
 * stderr is kept (the last few KB) for the one line an operator sees.
 */
export function startPgTool(
  file: string,
  args: string[],
  env: Record<string, string | undefined>,
  settings: Readonly<Record<string, string | undefined>> = process.env,
): RunningTool {
  const launch = pgToolCommand(file, args, settings);
  const child = spawn(launch.command, launch.args, {
    env: env as NodeJS.ProcessEnv,
    stdio: ["ignore", "pipe", "pipe"],
  });
  let stderr = "";
  child.stderr.on("data", (piece: Buffer) => {
    stderr = (stderr + piece.toString("utf8")).slice(-8192);
  });
  const name = path.basename(file);
  const done = new Promise<void>((resolve, reject) => {
    child.on("error", (error) =>
      reject(new AppError("UNAVAILABLE", `${name} could not start: ${error.message}`)),
    );
    child.on("close", (code, signal) => {
      if (code === 0) return resolve();
      reject(
        new AppError("UNAVAILABLE", `${name} failed: ${lastErrorLine(stderr) ?? `exit ${code ?? signal}`}`),
      );
    });
  });
  done.catch(() => {});
  return { stdout: child.stdout, done, kill: () => child.kill("SIGTERM") };
}

function lastErrorLine(stderr: string): string | undefined {
  const lines = stderr
    .split("\n")
    .map((line) => line.trim())
    .filter(Boolean);
  const line = lines.find((candidate) => /error:/i.test(candidate)) ?? lines.at(-1);
  return line?.replace(/^pg_(dump|restore): (error: )?/, "");
}
