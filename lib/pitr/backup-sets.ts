import { z } from "zod";
import { AppError } from "../errors";
import type { DatabaseServer } from "../generated/central/client";
import { type PitrConfig, requirePitrConfig, runPgBackRest } from "./pgbackrest";
import type { RecoverableWindow } from "./recoverable-window";

const setInfoSchema = z.array(
  z.object({
    backup: z.array(z.object({ "database-ref": z.array(z.object({ name: z.string() })).default([]) })),
  }),
);

/**
 * Refuses a restore to `at` when the pgBackRest backup it would start from (the newest that ended
 * before `at`) does not hold the clinic's database: it was created, restored or moved onto the
 * server after that backup, and --db-include cannot restore what the backup lacks.
 */
export async function assertBackupHoldsDatabase(options: {
  server: DatabaseServer;
  window: RecoverableWindow;
  at: Date;
  database: string;
  env?: NodeJS.ProcessEnv;
}): Promise<void> {
  const { server, at, database } = options;
  const base = options.window.backups.filter((backup) => backup.stop < at).at(-1);
  if (!base) return;
  const config = requirePitrConfig(server);
  if (await backupHolds(config, base.label, database, { env: options.env })) return;
  const later = options.window.backups.find((backup) => backup.stop > base.stop);
  const advice = later
    ? `choose a time after ${later.stop.toISOString()} (backup ${later.label}) if it holds the database`
    : `take a new backup now (pgbackrest --config=${config.configPath} --stanza=${config.stanza} backup); times after it can then be restored`;
  throw new AppError(
    "CONFLICT",
    `The pgBackRest backup a restore to ${at.toISOString()} starts from (${base.label}, ended ${base.stop.toISOString()}) does not hold the clinic's database (it was created, restored or moved onto server ${server.name} after that backup): ${advice}.`,
  );
}

type PitrBackup = RecoverableWindow["backups"][number];

/**
 * The oldest of the window's backups that holds `database`, or null when none does yet: the clinic
 * can be restored only to moments after it. A database stays in every backup after the first that
 * holds it, so this asks pgBackRest about the oldest backup, then the newest, and only then the rest.
 */
export async function findFirstBackupHolding(options: {
  server: DatabaseServer;
  window: RecoverableWindow;
  database: string;
  env?: NodeJS.ProcessEnv;
  timeoutMs?: number;
}): Promise<PitrBackup | null> {
  const { window, database } = options;
  const config = requirePitrConfig(options.server);
  const holds = (backup: PitrBackup) => backupHolds(config, backup.label, database, options);
  const [oldest, newest] = [window.backups[0], window.backups.at(-1)];
  if (!oldest || !newest) return null;
  if (await holds(oldest)) return oldest;
  if (newest === oldest || !(await holds(newest))) return null;
  for (const backup of window.backups.slice(1, -1)) if (await holds(backup)) return backup;
  return newest;
}

async function backupHolds(
  config: PitrConfig,
  label: string,
  database: string,
  options: { env?: NodeJS.ProcessEnv; timeoutMs?: number },
): Promise<boolean> {
  const output = await runPgBackRest(config, ["info", "--output=json", `--set=${label}`], {
    env: options.env,
    timeoutMs: options.timeoutMs ?? 60_000,
  });
  const names = setInfoSchema.parse(JSON.parse(output))[0]?.backup[0]?.["database-ref"] ?? [];
  return names.some((entry) => entry.name === database);
}
