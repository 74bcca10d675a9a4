import { execFile } from "node:child_process";
import { promisify } from "node:util";
import { AppError } from "../errors";
import type { DatabaseServer } from "../generated/central/client";

const run = promisify(execFile);

/** A server's pgBackRest stanza and the config file that describes it (its repository, its data). */
export type PitrConfig = { stanza: string; configPath: string };

export type OsUser = { uid: number; gid: number; name: string };

/** The server's PITR configuration as recorded by pitr:setup; refuses a server without one. */
export function requirePitrConfig(server: DatabaseServer): PitrConfig {
  if (!server.pitrStanza || !server.pitrConfigPath) {
    throw new AppError(
      "CONFLICT",
      `Point-in-time restore is not set up on server ${server.name}: WAL archiving with pgBackRest must be configured first (npm run pitr:setup -- ${server.name} --repo <dir>).`,
    );
  }
  return { stanza: server.pitrStanza, configPath: server.pitrConfigPath };
}

/**
 * The OS user PostgreSQL runs as (PITR_OS_USER, default postgres) when this process is root:
 * pgBackRest and a scratch PostgreSQL must run as it (they own the repository and the data, and
 * PostgreSQL refuses root). Undefined when not root: everything runs as this process's user.
 */
export async function serverOsUser(env: NodeJS.ProcessEnv = process.env): Promise<OsUser | undefined> {
  if (process.getuid?.() !== 0) return undefined;
  const name = env.PITR_OS_USER || "postgres";
  try {
    const [uid, gid] = await Promise.all([run("id", ["-u", name]), run("id", ["-g", name])]);
    return { uid: Number(uid.stdout.trim()), gid: Number(gid.stdout.trim()), name };
  } catch {
    throw new AppError(
      "UNAVAILABLE",
      `There is no OS user ${name} to run pgBackRest and PostgreSQL as (this process is root): set PITR_OS_USER to the user PostgreSQL runs as.`,
    );
  }
}

/**
 * Runs `pgbackrest --config=… --stanza=… <args>` as the server's OS user and resolves with its
 * stdout. `extraEnv` carries PGPASSWORD for the commands that connect to the server (libpq reads it).
 */
export async function runPgBackRest(
  config: PitrConfig,
  args: string[],
  options: { env?: NodeJS.ProcessEnv; extraEnv?: Record<string, string>; timeoutMs?: number } = {},
): Promise<string> {
  const user = await serverOsUser(options.env);
  const command = args.find((arg) => !arg.startsWith("-")) ?? "pgbackrest";
  const toolEnv: Record<string, string | undefined> = { PATH: process.env.PATH, ...options.extraEnv };
  try {
    const { stdout } = await run(
      "pgbackrest",
      [`--config=${config.configPath}`, `--stanza=${config.stanza}`, ...args],
      {
        cwd: "/",
        env: toolEnv as NodeJS.ProcessEnv,
        timeout: options.timeoutMs ?? 600_000,
        maxBuffer: 64 * 1024 * 1024,
        ...(user ? { uid: user.uid, gid: user.gid } : {}),
      },
    );
    return stdout;
  } catch (error) {
    const failed = error as NodeJS.ErrnoException & { stdout?: string; stderr?: string; killed?: boolean };
    if (failed.killed) {
      throw new AppError(
        "UNAVAILABLE",
        `pgbackrest ${command} (stanza ${config.stanza}) did not answer within ${Math.round((options.timeoutMs ?? 600_000) / 1000)} s: is its repository reachable from this machine?`,
      );
    }
    if (failed.code === "ENOENT") {
      throw new AppError(
        "UNAVAILABLE",
        "pgbackrest is not installed on this machine: apt-get install --no-upgrade pgbackrest.",
      );
    }
    throw new AppError(
      "UNAVAILABLE",
      `pgbackrest ${command} (stanza ${config.stanza}) failed: ${lastErrorLine(`${failed.stdout ?? ""}\n${failed.stderr ?? ""}`) ?? failed.message}`,
    );
  }
}

/** Whether the pgbackrest command exists here (tests skip without it). */
export async function isPgBackRestInstalled(): Promise<boolean> {
  try {
    await run("pgbackrest", ["version"]);
    return true;
  } catch {
    return false;
  }
}

function lastErrorLine(output: string): string | undefined {
  const lines = output
    .split("\n")
    .map((line) => line.trim())
    .filter(Boolean);
  return (lines.findLast((line) => /ERROR:/.test(line)) ?? lines.at(-1))?.replace(/^.*?ERROR: /, "");
}
