import { randomBytes } from "node:crypto";
import { existsSync, linkSync, mkdirSync, readFileSync, unlinkSync, writeFileSync } from "node:fs";
import path from "node:path";
import { ConfigError } from "../errors";

const KEY_BYTES = 32;
const KEY_ID_PATTERN = /^[A-Za-z0-9_.-]{1,32}$/;
const KEY_FILE_NAME = "backup.keys";
const HOW_TO_GENERATE = "e.g. BACKUP_KEY=k1:$(openssl rand -base64 32)";

export type BackupKey = { id: string; key: Buffer };

/** The key new backups are written with (the first), and every key that may read one (rotation). */
export type BackupKeys = { writer: BackupKey; readers: Map<string, Buffer> };

/**
 * `id1:base64key,id2:base64key`: the first entry encrypts, all of them decrypt, so a key is rotated
 * by putting a new one first and keeping the old ones as long as their backups are kept. The
 * message names the entry that is wrong, never a key.
 */
export function parseBackupKeys(raw: string, source = "BACKUP_KEY"): BackupKeys {
  const entries = raw
    .split(",")
    .map((entry) => entry.trim())
    .filter(Boolean);
  const readers = new Map<string, Buffer>();
  for (const [index, entry] of entries.entries()) {
    const colon = entry.indexOf(":");
    const id = entry.slice(0, colon);
    if (colon < 1 || !KEY_ID_PATTERN.test(id)) {
      throw new ConfigError(
        `${source} entry ${index + 1} is malformed: expected <key id>:<32 bytes as base64> (${HOW_TO_GENERATE}).`,
      );
    }
    const key = decodeKey(entry.slice(colon + 1));
    if (key?.length !== KEY_BYTES) {
      throw new ConfigError(`${source} key "${id}" is not 32 bytes as base64 (${HOW_TO_GENERATE}).`);
    }
    if (readers.has(id)) throw new ConfigError(`${source} names key "${id}" twice.`);
    readers.set(id, key);
  }
  const [first] = readers;
  if (!first) throw new ConfigError(`${source} holds no key (${HOW_TO_GENERATE}).`);
  return { writer: { id: first[0], key: first[1] }, readers };
}

export type LoadBackupKeysOptions = {
  env: Readonly<Record<string, string | undefined>>;
  dataDir: string;
  production: boolean;
};

/**
 * BACKUP_KEY, or (only for the embedded demo, as with TENANT_SECRETS_KEY) a key generated once
 * into `.data/`: with DATABASE_URL set, a key made up on one machine would encrypt backups no
 * other machine could read.
 */
export function loadBackupKeys({ env, dataDir, production }: LoadBackupKeysOptions): BackupKeys {
  if (env.BACKUP_KEY) return parseBackupKeys(env.BACKUP_KEY);
  if (production) {
    throw new ConfigError(
      `BACKUP_KEY must be set whenever DATABASE_URL is set: ${HOW_TO_GENERATE}. Keep a copy of it away from the backups: without it they cannot be read.`,
    );
  }
  const file = path.join(dataDir, KEY_FILE_NAME);
  if (!existsSync(file)) createKeyFile(file);
  return parseBackupKeys(readFileSync(file, "utf8"), file);
}

/** The keys of this process's environment. */
export function getBackupKeys(env: NodeJS.ProcessEnv = process.env): BackupKeys {
  return loadBackupKeys({
    env,
    dataDir: path.join(process.cwd(), ".data"),
    production: env.NODE_ENV === "production" || env.DATABASE_URL !== undefined,
  });
}

function decodeKey(text: string): Buffer | undefined {
  return /^[A-Za-z0-9+/_-]{43}=?$/.test(text) ? Buffer.from(text, "base64") : undefined;
}

function createKeyFile(file: string): void {
  mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });
  const draft = `${file}.${process.pid}.${randomBytes(4).toString("hex")}.tmp`;
  const id = `local-${new Date().toISOString().slice(0, 10)}`;
  writeFileSync(draft, `${id}:${randomBytes(KEY_BYTES).toString("base64")}\n`, { mode: 0o600 });
  try {
    // link() is atomic and fails if the file exists: two processes starting at once keep one key.
    linkSync(draft, file);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
  } finally {
    unlinkSync(draft);
  }
}
