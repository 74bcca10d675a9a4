import { createCipheriv, createDecipheriv, randomBytes } from "node:crypto";
import { existsSync, linkSync, mkdirSync, readFileSync, unlinkSync, writeFileSync } from "node:fs";
import path from "node:path";
import { ConfigError } from "../errors";

const FORMAT_VERSION = "v1";
const ALGORITHM = "aes-256-gcm";
const KEY_BYTES = 32;
const IV_BYTES = 12;
const TAG_BYTES = 16;
const KEY_FILE_NAME = "tenant-secrets.key";
const HOW_TO_GENERATE = "generate one with `openssl rand -base64 32`";
const BASE64URL_PATTERN = /^[A-Za-z0-9_-]*$/;

export type LoadSecretsKeyOptions = {
  env: Readonly<Record<string, string | undefined>>;
  dataDir: string;
  production: boolean;
};

export function loadSecretsKey({ env, dataDir, production }: LoadSecretsKeyOptions): Buffer {
  const fromEnv = env.TENANT_SECRETS_KEY;
  if (fromEnv) return parseSecretsKey(fromEnv, "TENANT_SECRETS_KEY");
  if (production) {
    throw new ConfigError(
      `TENANT_SECRETS_KEY must be set in production, i.e. whenever DATABASE_URL is set (32 bytes as base64 or 64 hex characters): ${HOW_TO_GENERATE}.`,
    );
  }
  return readOrCreateKeyFile(path.join(dataDir, KEY_FILE_NAME));
}

let defaultKey: Buffer | undefined;

/**
 * The process's key. A generated key file is only for the embedded demo: with DATABASE_URL set,
 * a key made up on one machine would encrypt passwords no other process could read.
 */
export function getSecretsKey(): Buffer {
  defaultKey ??= loadSecretsKey({
    env: process.env,
    dataDir: path.join(process.cwd(), ".data"),
    production: process.env.NODE_ENV === "production" || process.env.DATABASE_URL !== undefined,
  });
  return defaultKey;
}

export function encryptSecret(plain: string, key: Buffer = getSecretsKey()): string {
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv(ALGORITHM, key, iv);
  const ciphertext = Buffer.concat([cipher.update(plain, "utf8"), cipher.final()]);
  const parts = [iv, cipher.getAuthTag(), ciphertext].map((part) => part.toString("base64url"));
  return [FORMAT_VERSION, ...parts].join(":");
}

export function decryptSecret(stored: string, key: Buffer = getSecretsKey()): string {
  const { version, iv, tag, ciphertext } = splitStoredSecret(stored);
  if (version !== FORMAT_VERSION) throw new ConfigError("Stored secret has an unknown format version.");
  const decipher = createDecipheriv(ALGORITHM, key, iv);
  decipher.setAuthTag(tag);
  try {
    return Buffer.concat([decipher.update(ciphertext), decipher.final()]).toString("utf8");
  } catch {
    throw new ConfigError(
      "Stored secret could not be decrypted: it was altered, or encrypted with a different TENANT_SECRETS_KEY.",
    );
  }
}

export function generateDatabasePassword(): string {
  return randomBytes(32).toString("base64url");
}

type StoredSecretParts = { version: string; iv: Buffer; tag: Buffer; ciphertext: Buffer };

function splitStoredSecret(stored: string): StoredSecretParts {
  const [version = "", ...encoded] = typeof stored === "string" ? stored.split(":") : [];
  if (encoded.length !== 3 || !encoded.every((part) => BASE64URL_PATTERN.test(part))) {
    throw new ConfigError("Stored secret is malformed: expected v1:<iv>:<tag>:<ciphertext>.");
  }
  const [iv, tag, ciphertext] = encoded.map((part) => Buffer.from(part, "base64url")) as [
    Buffer,
    Buffer,
    Buffer,
  ];
  if (iv.length !== IV_BYTES || tag.length !== TAG_BYTES) {
    throw new ConfigError("Stored secret is malformed: its IV or authentication tag has the wrong length.");
  }
  return { version, iv, tag, ciphertext };
}

// The message names where the key came from but never echoes it.
function parseSecretsKey(raw: string, source: string): Buffer {
  const key = decodeKey(raw.trim());
  if (key?.length !== KEY_BYTES) {
    throw new ConfigError(
      `${source} is malformed: it must be 32 bytes as base64 or 64 hex characters (${HOW_TO_GENERATE}).`,
    );
  }
  return key;
}

function decodeKey(text: string): Buffer | undefined {
  if (/^[0-9a-fA-F]{64}$/.test(text)) return Buffer.from(text, "hex");
  if (/^[A-Za-z0-9+/_-]{43}=?$/.test(text)) return Buffer.from(text, "base64");
  return undefined;
}

function readOrCreateKeyFile(file: string): Buffer {
  if (!existsSync(file)) createKeyFile(file);
  return parseSecretsKey(readFileSync(file, "utf8"), file);
}

function createKeyFile(file: string): void {
  mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });
  const draft = `${file}.${process.pid}.${randomBytes(4).toString("hex")}.tmp`;
  writeFileSync(draft, `${randomBytes(KEY_BYTES).toString("base64")}\n`, { mode: 0o600 });
  try {
    // link() is atomic and fails if the file exists: two processes starting at once keep one complete key.
    linkSync(draft, file);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
  } finally {
    unlinkSync(draft);
  }
}
