import { randomBytes } from "node:crypto";
import { existsSync } from "node:fs";
import { mkdtemp, readdir, readFile, rm, truncate, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { decryptBackupFile, sha256OfFile, verifyBackupFile, writeBackupFile } from "./backup-file";
import { type BackupKeys, loadBackupKeys, parseBackupKeys } from "./backup-keys";

const keyText = (id: string) => `${id}:${randomBytes(32).toString("base64")}`;
const first = keyText("k1");
const second = keyText("k2");
const keys = parseBackupKeys(first);
const CHUNK = 1024;
const plain = randomBytes(CHUNK * 3 + 100);

let dir: string;
let sealed: string;

async function* from(buffer: Buffer) {
  for (let at = 0; at < buffer.length; at += 700) yield buffer.subarray(at, at + 700);
}

async function decryptCopy(bytes: Buffer, withKeys: BackupKeys = keys): Promise<Buffer> {
  const file = path.join(dir, `copy-${randomBytes(4).toString("hex")}`);
  await writeFile(file, bytes);
  const output = `${file}.out`;
  try {
    await decryptBackupFile(file, output, withKeys);
    return await readFile(output);
  } finally {
    // Nothing unverified is left behind, not even under a temporary name.
    expect((await readdir(dir)).filter((name) => name.startsWith(`${path.basename(output)}`))).toEqual(
      existsSync(output) ? [path.basename(output)] : [],
    );
  }
}

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), "backup-file-"));
  sealed = path.join(dir, "a.backup");
  await writeBackupFile(from(plain), sealed, keys.writer, { chunkBytes: CHUNK });
});

afterAll(() => rm(dir, { recursive: true, force: true }));

describe("the encrypted backup file", () => {
  it("round-trips, and reports the encrypted file's size and SHA-256", async () => {
    const again = path.join(dir, "b.backup");
    const result = await writeBackupFile(from(plain), again, keys.writer, { chunkBytes: CHUNK });
    expect(result.keyId).toBe("k1");
    expect(result.sha256).toBe(await sha256OfFile(again));
    expect(result.sizeBytes).toBe((await readFile(again)).length);
    expect(await decryptCopy(await readFile(again))).toEqual(plain);
    expect((await readFile(again)).includes(plain.subarray(0, 64))).toBe(false);
  });

  it("round-trips empty input and input that ends exactly on a chunk boundary", async () => {
    for (const input of [Buffer.alloc(0), randomBytes(CHUNK * 2)]) {
      const file = path.join(dir, `edge-${input.length}.backup`);
      await writeBackupFile(from(input), file, keys.writer, { chunkBytes: CHUNK });
      expect(await decryptCopy(await readFile(file))).toEqual(input);
    }
  });

  it("reads a backup with an older key after rotation, and writes with the first key", async () => {
    const rotated = parseBackupKeys(`${second},${first}`);
    expect(rotated.writer.id).toBe("k2");
    expect(await decryptCopy(await readFile(sealed), rotated)).toEqual(plain);
    expect(await verifyBackupFile(sealed, rotated)).toEqual({ keyId: "k1" });
  });

  it("refuses a file that is not a backup", async () => {
    await expect(decryptCopy(Buffer.from("PGDMP custom format, not ours"))).rejects.toThrow(
      "This is not a backup file of this platform",
    );
    await expect(decryptCopy(Buffer.alloc(0))).rejects.toThrow("not a backup file");
  });

  it("refuses a backup of a key BACKUP_KEY does not hold, naming the key", async () => {
    await expect(decryptCopy(await readFile(sealed), parseBackupKeys(second))).rejects.toThrow(
      'encrypted with key "k1", which BACKUP_KEY does not hold (it holds: k2)',
    );
  });

  it("refuses a wrong key under the right id", async () => {
    await expect(decryptCopy(await readFile(sealed), parseBackupKeys(keyText("k1")))).rejects.toThrow(
      'BACKUP_KEY\'s key "k1" is not the key this backup was encrypted with',
    );
  });

  it("refuses a file with one byte changed, naming the chunk", async () => {
    const bytes = await readFile(sealed);
    bytes[bytes.length - 600] = (bytes[bytes.length - 600] ?? 0) ^ 1;
    await expect(decryptCopy(bytes)).rejects.toThrow(/altered or damaged: chunk 3 of 4/);
  });

  it("refuses a file cut at a chunk boundary or inside a chunk", async () => {
    const bytes = await readFile(sealed);
    const headerLength = bytes.length - (3 * (CHUNK + 16) + 100 + 16);
    await expect(decryptCopy(bytes.subarray(0, headerLength + 2 * (CHUNK + 16)))).rejects.toThrow(
      "This backup file is truncated",
    );
    await expect(decryptCopy(bytes.subarray(0, bytes.length - 50))).rejects.toThrow(
      /altered or damaged, or is truncated: its last chunk \(4 of 4\)/,
    );
    const cut = path.join(dir, "cut.backup");
    await writeFile(cut, bytes);
    await truncate(cut, headerLength + 3);
    await expect(verifyBackupFile(cut, keys)).rejects.toThrow("truncated");
  });

  it("refuses chunks swapped or data appended", async () => {
    const bytes = await readFile(sealed);
    const headerLength = bytes.length - (3 * (CHUNK + 16) + 100 + 16);
    const chunk = (n: number) =>
      bytes.subarray(headerLength + n * (CHUNK + 16), headerLength + (n + 1) * (CHUNK + 16));
    const swapped = Buffer.concat([
      bytes.subarray(0, headerLength),
      chunk(1),
      chunk(0),
      bytes.subarray(headerLength + 2 * (CHUNK + 16)),
    ]);
    await expect(decryptCopy(swapped)).rejects.toThrow(/chunk 1 of 4 fails/);
    await expect(decryptCopy(Buffer.concat([bytes, Buffer.from("more")]))).rejects.toThrow(
      /fails its authentication/,
    );
  });
});

describe("BACKUP_KEY", () => {
  it("refuses malformed entries without echoing a key", () => {
    expect(() => parseBackupKeys("k1:short")).toThrow('BACKUP_KEY key "k1" is not 32 bytes');
    expect(() => parseBackupKeys(randomBytes(32).toString("base64"))).toThrow("entry 1 is malformed");
    expect(() => parseBackupKeys(`${first},${first}`)).toThrow('names key "k1" twice');
    expect(() => parseBackupKeys(" , ")).toThrow("holds no key");
  });

  it("is required with DATABASE_URL, and generated once into .data/ for the embedded demo", async () => {
    expect(() => loadBackupKeys({ env: {}, dataDir: dir, production: true })).toThrow(
      "BACKUP_KEY must be set",
    );
    const made = loadBackupKeys({ env: {}, dataDir: dir, production: false });
    expect(loadBackupKeys({ env: {}, dataDir: dir, production: false }).writer).toEqual(made.writer);
  });
});
