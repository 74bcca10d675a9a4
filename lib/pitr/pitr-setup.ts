import { existsSync } from "node:fs";
import { chown, mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import type pg from "pg";
import type { CentralDb } from "../db/central";
import { AppError } from "../errors";
import type { DatabaseServer } from "../generated/central/client";
import { withAdminClient } from "../tenancy/clinic-schema";
import { quoteLiteral } from "../tenancy/names";
import { decryptSecret } from "../tenancy/secrets";
import { type PitrConfig, runPgBackRest, serverOsUser } from "./pgbackrest";

export type PitrSetupOptions = {
  server: DatabaseServer;
  /** The pgBackRest repository folder (absolute), on this machine. */
  repoDir: string;
  /** Default: <repoDir>/pgbackrest.conf. */
  configPath?: string;
  /** Default: the server's name. */
  stanza?: string;
  /** Full backups pgBackRest keeps (repo1-retention-full); default 2. */
  keepFull?: number;
  env?: NodeJS.ProcessEnv;
  /** Restarts the server when archive_mode or wal_level only take effect after a restart. */
  restart?: () => Promise<void>;
  onProgress?: (line: string) => void;
};

export type PitrSetupResult = { config: PitrConfig; restartNeeded: boolean; backupTaken: boolean };

const SAFE_NAME = /^[A-Za-z0-9_.-]+$/;
const SAFE_PATH = /^\/[A-Za-z0-9_.\-/]+$/;

/** What the server's archive_command becomes: every finished WAL segment pushed to the stanza's repository. */
export function archiveCommand(config: PitrConfig): string {
  return `pgbackrest --config=${config.configPath} --stanza=${config.stanza} archive-push %p`;
}

/**
 * Enables point-in-time restore on a server whose data folder is on this machine: writes the
 * pgBackRest config, sets archive_mode, archive_command (and wal_level=replica when it was minimal),
 * restarts when those need it (or says so), creates the stanza, takes a first full backup when
 * there is none, and records the stanza and config in the central row. Safe to run again.
 */
export async function setUpPitr(central: CentralDb, options: PitrSetupOptions): Promise<PitrSetupResult> {
  const { server } = options;
  const progress = options.onProgress ?? (() => {});
  const config = {
    stanza: options.stanza ?? server.name,
    configPath: options.configPath ?? path.join(options.repoDir, "pgbackrest.conf"),
  };
  if (!SAFE_NAME.test(config.stanza))
    throw new AppError(
      "INVALID",
      `Stanza "${config.stanza}" may hold only letters, digits, _ . and -: pass --stanza.`,
    );
  for (const dir of [options.repoDir, config.configPath]) {
    if (!SAFE_PATH.test(dir))
      throw new AppError("INVALID", `${dir} must be an absolute path of letters, digits, _ . - and /.`);
  }
  const facts = await withAdminClient(server, "postgres", readServerFacts);
  if (!existsSync(facts.dataDirectory)) {
    throw new AppError(
      "CONFLICT",
      `Run this on server ${server.name}'s own machine: its data folder ${facts.dataDirectory} is not here.`,
    );
  }
  progress(`writing ${config.configPath} (repository ${options.repoDir})`);
  await writePgBackRestConfig(config, { ...options, facts });
  const command = archiveCommand(config);
  await withAdminClient(server, "postgres", async (client) => {
    if (facts.walLevel === "minimal") await client.query("ALTER SYSTEM SET wal_level = 'replica'");
    await client.query("ALTER SYSTEM SET archive_mode = 'on'");
    await client.query(`ALTER SYSTEM SET archive_command = ${quoteLiteral(command)}`);
    await client.query("SELECT pg_reload_conf()");
  });
  if (!(await archivingActive(server, command))) {
    if (!options.restart) return { config, restartNeeded: true, backupTaken: false };
    progress("restarting the server (archive_mode and wal_level take effect at start)");
    await options.restart();
    if (!(await archivingActive(server, command))) {
      throw new AppError(
        "UNAVAILABLE",
        `After the restart server ${server.name} still does not archive with ${command}: are these settings overridden on its command line?`,
      );
    }
  }
  const connect = { env: options.env, extraEnv: passwordEnv(server), timeoutMs: 0 };
  progress(`pgbackrest stanza-create (stanza ${config.stanza})`);
  await runPgBackRest(config, ["stanza-create"], connect);
  const info = JSON.parse(await runPgBackRest(config, ["info", "--output=json"], connect)) as {
    backup?: unknown[];
  }[];
  const backupTaken = !info[0]?.backup?.length;
  if (backupTaken) {
    progress("pgbackrest backup --type=full (the first one)");
    await runPgBackRest(config, ["backup", "--type=full"], connect);
  }
  await central.databaseServer.update({
    where: { id: server.id },
    data: { pitrStanza: config.stanza, pitrConfigPath: config.configPath },
  });
  return { config, restartNeeded: false, backupTaken };
}

type ServerFacts = { dataDirectory: string; port: string; socketDir: string; walLevel: string };

async function readServerFacts(client: pg.Client): Promise<ServerFacts> {
  const { rows } = await client.query<ServerFacts>(
    `SELECT current_setting('data_directory') AS "dataDirectory", current_setting('port') AS port,
            split_part(current_setting('unix_socket_directories'), ',', 1) AS "socketDir",
            current_setting('wal_level') AS "walLevel"`,
  );
  const facts = rows[0];
  if (!facts?.socketDir.trim()) {
    throw new AppError(
      "CONFLICT",
      "pgBackRest reaches PostgreSQL over its Unix socket: set unix_socket_directories on the server.",
    );
  }
  return { ...facts, socketDir: facts.socketDir.trim() };
}

async function writePgBackRestConfig(
  config: PitrConfig,
  options: PitrSetupOptions & { facts: ServerFacts },
): Promise<void> {
  const { repoDir, facts, server } = options;
  const user = await serverOsUser(options.env);
  const text = [
    "[global]",
    `repo1-path=${repoDir}`,
    `repo1-retention-full=${options.keepFull ?? 2}`,
    `log-path=${path.join(repoDir, "log")}`,
    `lock-path=${path.join(repoDir, "lock")}`,
    `spool-path=${path.join(repoDir, "spool")}`,
    "start-fast=y",
    "compress-type=lz4",
    "",
    `[${config.stanza}]`,
    `pg1-path=${facts.dataDirectory}`,
    `pg1-port=${facts.port}`,
    `pg1-socket-path=${facts.socketDir}`,
    `pg1-user=${server.adminUser}`,
    "",
  ].join("\n");
  for (const dir of [repoDir, ...["log", "lock", "spool"].map((name) => path.join(repoDir, name))]) {
    await mkdir(dir, { recursive: true, mode: 0o750 });
    if (user) await chown(dir, user.uid, user.gid);
  }
  await mkdir(path.dirname(config.configPath), { recursive: true });
  await writeFile(config.configPath, text, { mode: 0o644 });
}

async function archivingActive(server: DatabaseServer, command: string): Promise<boolean> {
  const { rows } = await withAdminClient(server, "postgres", (client) =>
    client.query<{ mode: string; command: string; level: string }>(
      "SELECT current_setting('archive_mode') AS mode, current_setting('archive_command') AS command, current_setting('wal_level') AS level",
    ),
  );
  const row = rows[0];
  return row?.mode === "on" && row.command === command && row.level !== "minimal";
}

function passwordEnv(server: DatabaseServer): Record<string, string> {
  return server.adminPasswordEncrypted ? { PGPASSWORD: decryptSecret(server.adminPasswordEncrypted) } : {};
}
