import {
  createCipheriv,
  createDecipheriv,
  createHash,
  createHmac,
  randomBytes,
  timingSafeEqual,
} from "node:crypto";
import { createReadStream } from "node:fs";
import { type FileHandle, open, rename, unlink } from "node:fs/promises";
import path from "node:path";
import { AppError } from "../errors";
import type { BackupKey, BackupKeys } from "./backup-keys";

/*
 * A backup file: a header, then the plaintext in chunks, each AES-256-GCM with its own tag.
 *   header = "CLINICBK" | version u8 | key id length u8 | key id | chunk bytes u32 | nonce prefix (7) | key check (16)
 *   chunk i = ciphertext | tag (16), nonce = prefix | i u32 | final u8, additional data = the header
 * The chunk index and the final flag in the nonce make a reordered, dropped or truncated chunk fail
 * its tag; the header as additional data binds every chunk to its key id and chunk size; the key
 * check (an HMAC of the header by the key) tells "wrong key" apart from "altered file".
 */
const MAGIC = Buffer.from("CLINICBK");
const FORMAT_VERSION = 1;
const NONCE_PREFIX_BYTES = 7;
const KEY_CHECK_BYTES = 16;
const TAG_BYTES = 16;
export const DEFAULT_CHUNK_BYTES = 1 << 20;
const MAX_CHUNK_BYTES = 64 << 20;

export type SealedFile = { sizeBytes: number; sha256: string; keyId: string };

/**
 * Encrypts `source` into `file`: written under a temporary name, flushed to disk, then renamed, so
 * a file with the final name is always complete. A failure removes the temporary file.
 */
export async function writeBackupFile(
  source: AsyncIterable<Buffer | string>,
  file: string,
  key: BackupKey,
  options: { chunkBytes?: number } = {},
): Promise<SealedFile> {
  const chunkBytes = options.chunkBytes ?? DEFAULT_CHUNK_BYTES;
  const header = makeHeader(key, chunkBytes);
  const draft = `${file}.partial`;
  const handle = await open(draft, "wx", 0o600);
  const hash = createHash("sha256");
  let sizeBytes = 0;
  const write = async (bytes: Buffer) => {
    hash.update(bytes);
    sizeBytes += bytes.length;
    await handle.write(bytes);
  };
  try {
    await write(header.bytes);
    let pending = Buffer.alloc(0);
    let index = 0;
    for await (const piece of source) {
      pending = Buffer.concat([pending, Buffer.from(piece)]);
      // A full chunk goes out only once more follows: the last chunk is never empty unless all is.
      while (pending.length > chunkBytes) {
        await write(sealChunk(key.key, header, index++, false, pending.subarray(0, chunkBytes)));
        pending = pending.subarray(chunkBytes);
      }
    }
    await write(sealChunk(key.key, header, index, true, pending));
    await handle.sync();
    await handle.close();
    await rename(draft, file);
    await syncDirectory(path.dirname(file));
    return { sizeBytes, sha256: hash.digest("hex"), keyId: key.id };
  } catch (error) {
    await handle.close().catch(() => {});
    await unlink(draft).catch(() => {});
    throw error;
  }
}

/**
 * Decrypts `file` into `output` and returns only once every chunk's tag was verified: plaintext is
 * written under a temporary name and renamed at the end, so nothing ever reads unverified bytes
 * (Node's decipher hands out plaintext before it checks the tag). Refuses a file that is not a
 * backup, truncated, altered, or of a key BACKUP_KEY does not hold, with the reason.
 */
export async function decryptBackupFile(file: string, output: string, keys: BackupKeys): Promise<void> {
  const draft = `${output}.partial`;
  const sink = await open(draft, "wx", 0o600);
  try {
    await readChunks(file, keys, (plain) => sink.write(plain).then(() => undefined));
    await sink.sync();
    await sink.close();
    await rename(draft, output);
  } catch (error) {
    await sink.close().catch(() => {});
    await unlink(draft).catch(() => {});
    throw error;
  }
}

/** Checks a whole backup file (format, key, every tag) without writing its plaintext anywhere. */
export async function verifyBackupFile(file: string, keys: BackupKeys): Promise<{ keyId: string }> {
  return readChunks(file, keys, async () => {});
}

/** SHA-256 (hex) of a file, streamed. */
export async function sha256OfFile(file: string): Promise<string> {
  const hash = createHash("sha256");
  for await (const piece of createReadStream(file)) hash.update(piece as Buffer);
  return hash.digest("hex");
}

export class BackupFileError extends AppError {
  constructor(message: string) {
    super("INVALID", message);
  }
}

type Header = { bytes: Buffer; keyId: string; chunkBytes: number; noncePrefix: Buffer };

function makeHeader(key: BackupKey, chunkBytes: number): Header {
  if (!Number.isInteger(chunkBytes) || chunkBytes < 1 || chunkBytes > MAX_CHUNK_BYTES) {
    throw new Error("The chunk size of a backup file must be from 1 byte to 64 MiB.");
  }
  const keyId = Buffer.from(key.id, "utf8");
  const size = Buffer.alloc(4);
  size.writeUInt32BE(chunkBytes);
  const noncePrefix = randomBytes(NONCE_PREFIX_BYTES);
  const unchecked = Buffer.concat([
    MAGIC,
    Buffer.from([FORMAT_VERSION, keyId.length]),
    keyId,
    size,
    noncePrefix,
  ]);
  const bytes = Buffer.concat([unchecked, keyCheck(key.key, unchecked)]);
  return { bytes, keyId: key.id, chunkBytes, noncePrefix };
}

function keyCheck(key: Buffer, unchecked: Buffer): Buffer {
  return createHmac("sha256", key)
    .update("clinic-backup key check\0")
    .update(unchecked)
    .digest()
    .subarray(0, KEY_CHECK_BYTES);
}

function nonceOf(header: Header, index: number, final: boolean): Buffer {
  const nonce = Buffer.alloc(12);
  header.noncePrefix.copy(nonce, 0);
  nonce.writeUInt32BE(index, NONCE_PREFIX_BYTES);
  nonce[11] = final ? 1 : 0;
  return nonce;
}

function sealChunk(key: Buffer, header: Header, index: number, final: boolean, plain: Buffer): Buffer {
  const cipher = createCipheriv("aes-256-gcm", key, nonceOf(header, index, final));
  cipher.setAAD(header.bytes);
  return Buffer.concat([cipher.update(plain), cipher.final(), cipher.getAuthTag()]);
}

function openChunk(
  key: Buffer,
  header: Header,
  index: number,
  final: boolean,
  sealed: Buffer,
): Buffer | null {
  const decipher = createDecipheriv("aes-256-gcm", key, nonceOf(header, index, final));
  decipher.setAAD(header.bytes);
  decipher.setAuthTag(sealed.subarray(sealed.length - TAG_BYTES));
  // Kept in memory until final() has checked the tag; only then is it handed on.
  const plain = decipher.update(sealed.subarray(0, sealed.length - TAG_BYTES));
  try {
    return Buffer.concat([plain, decipher.final()]);
  } catch {
    return null;
  }
}

async function readChunks(
  file: string,
  keys: BackupKeys,
  onPlain: (plain: Buffer) => Promise<void>,
): Promise<{ keyId: string }> {
  const handle = await open(file, "r").catch((error: NodeJS.ErrnoException) => {
    throw new BackupFileError(
      error.code === "ENOENT"
        ? "The backup file is missing."
        : `The backup file cannot be read (${error.code}).`,
    );
  });
  try {
    const { size } = await handle.stat();
    const { header, key } = await readHeader(handle, size, keys);
    const block = header.chunkBytes + TAG_BYTES;
    const body = size - header.bytes.length;
    if (body < TAG_BYTES) throw truncated();
    const count = Math.ceil(body / block);
    for (let index = 0; index < count; index++) {
      const start = header.bytes.length + index * block;
      const length = Math.min(block, size - start);
      if (length < TAG_BYTES) throw truncated();
      const sealed = Buffer.alloc(length);
      await handle.read(sealed, 0, length, start);
      const last = index === count - 1;
      const plain = openChunk(key, header, index, last, sealed);
      if (!plain) {
        // The last chunk present opens as a middle chunk: the file was cut at a chunk boundary.
        if (last && length === block && openChunk(key, header, index, false, sealed)) throw truncated();
        throw new BackupFileError(
          last
            ? `This backup file was altered or damaged, or is truncated: its last chunk (${index + 1} of ${count}) fails its authentication check.`
            : `This backup file was altered or damaged: chunk ${index + 1} of ${count} fails its authentication check.`,
        );
      }
      await onPlain(plain);
    }
    return { keyId: header.keyId };
  } finally {
    await handle.close();
  }
}

async function readHeader(
  handle: FileHandle,
  size: number,
  keys: BackupKeys,
): Promise<{ header: Header; key: Buffer }> {
  const notBackup = new BackupFileError(
    "This is not a backup file of this platform: its header is missing or wrong.",
  );
  const start = Buffer.alloc(
    Math.min(size, MAGIC.length + 2 + 255 + 4 + NONCE_PREFIX_BYTES + KEY_CHECK_BYTES),
  );
  await handle.read(start, 0, start.length, 0);
  if (start.length < MAGIC.length + 2 || !start.subarray(0, MAGIC.length).equals(MAGIC)) throw notBackup;
  const version = start[MAGIC.length];
  if (version !== FORMAT_VERSION) {
    throw new BackupFileError(
      `This backup file has format version ${version}, which this platform cannot read.`,
    );
  }
  const idLength = start[MAGIC.length + 1] ?? 0;
  const idEnd = MAGIC.length + 2 + idLength;
  const headerLength = idEnd + 4 + NONCE_PREFIX_BYTES + KEY_CHECK_BYTES;
  if (start.length < headerLength) throw notBackup;
  const keyId = start.subarray(MAGIC.length + 2, idEnd).toString("utf8");
  const chunkBytes = start.readUInt32BE(idEnd);
  if (chunkBytes < 1 || chunkBytes > MAX_CHUNK_BYTES) throw notBackup;
  const noncePrefix = Buffer.from(start.subarray(idEnd + 4, idEnd + 4 + NONCE_PREFIX_BYTES));
  const bytes = Buffer.from(start.subarray(0, headerLength));
  const key = keys.readers.get(keyId);
  if (!key) {
    const known = [...keys.readers.keys()].join(", ");
    throw new BackupFileError(
      `This backup was encrypted with key "${keyId}", which BACKUP_KEY does not hold (it holds: ${known}). Add that key to BACKUP_KEY to read it.`,
    );
  }
  const check = bytes.subarray(headerLength - KEY_CHECK_BYTES);
  if (!timingSafeEqual(check, keyCheck(key, bytes.subarray(0, headerLength - KEY_CHECK_BYTES)))) {
    throw new BackupFileError(
      `BACKUP_KEY's key "${keyId}" is not the key this backup was encrypted with (the key under that id was changed, or the header was altered).`,
    );
  }
  return { header: { bytes, keyId, chunkBytes, noncePrefix }, key };
}

function truncated(): BackupFileError {
  return new BackupFileError(
    "This backup file is truncated: it ends before its last chunk (an interrupted copy?).",
  );
}

async function syncDirectory(dir: string): Promise<void> {
  const handle = await open(dir, "r");
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}
