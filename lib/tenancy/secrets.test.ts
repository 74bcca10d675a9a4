import { randomBytes } from "node:crypto";
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { decryptSecret, encryptSecret, generateDatabasePassword, loadSecretsKey } from "./secrets";

let dataDir: string;

beforeEach(() => {
  dataDir = mkdtempSync(path.join(tmpdir(), "tenant-secrets-"));
});

afterEach(() => {
  rmSync(dataDir, { recursive: true, force: true });
});

const key = randomBytes(32);

function flipFirstChar(encoded: string): string {
  return `${encoded[0] === "A" ? "B" : "A"}${encoded.slice(1)}`;
}

describe("encryptSecret / decryptSecret", () => {
  it("round-trips a password", () => {
    const stored = encryptSecret("correct horse battery staple", key);
    expect(decryptSecret(stored, key)).toBe("correct horse battery staple");
  });

  it("round-trips the empty string and non-ASCII text", () => {
    expect(decryptSecret(encryptSecret("", key), key)).toBe("");
    expect(decryptSecret(encryptSecret("pässwörd ✓", key), key)).toBe("pässwörd ✓");
  });

  it("stores a versioned string with a fresh 12-byte IV each time", () => {
    const first = encryptSecret("same", key);
    const second = encryptSecret("same", key);
    expect(first).toMatch(/^v1:[A-Za-z0-9_-]{16}:[A-Za-z0-9_-]{22}:[A-Za-z0-9_-]*$/);
    expect(first).not.toBe(second);
    expect(first).not.toContain("same");
  });

  it.each(["ciphertext", "tag", "iv"] as const)("refuses a stored secret whose %s was altered", (part) => {
    const [version, iv, tag, ciphertext] = encryptSecret("secret value", key).split(":") as [
      string,
      string,
      string,
      string,
    ];
    const altered = {
      iv: [version, flipFirstChar(iv), tag, ciphertext],
      tag: [version, iv, flipFirstChar(tag), ciphertext],
      ciphertext: [version, iv, tag, flipFirstChar(ciphertext)],
    }[part].join(":");
    expect(() => decryptSecret(altered, key)).toThrow(/could not be decrypted: it was altered/);
  });

  it("refuses to decrypt with a different key", () => {
    const stored = encryptSecret("secret value", key);
    expect(() => decryptSecret(stored, randomBytes(32))).toThrow(/different TENANT_SECRETS_KEY/);
  });

  it.each(["", "plain text", "v1:abc", "v1:a:b:c:d", "v1:!!:??:..", "v1::::"])(
    "refuses the malformed stored value %j",
    (stored) => {
      expect(() => decryptSecret(stored, key)).toThrow(/Stored secret is malformed/);
    },
  );

  it("refuses an unknown format version", () => {
    const stored = encryptSecret("secret value", key).replace(/^v1/, "v9");
    expect(() => decryptSecret(stored, key)).toThrow(/unknown format version/);
  });
});

describe("loadSecretsKey", () => {
  it("uses TENANT_SECRETS_KEY given as base64", () => {
    const env = { TENANT_SECRETS_KEY: key.toString("base64") };
    expect(loadSecretsKey({ env, dataDir, production: true }).equals(key)).toBe(true);
  });

  it("uses TENANT_SECRETS_KEY given as 64 hex characters", () => {
    const env = { TENANT_SECRETS_KEY: key.toString("hex") };
    expect(loadSecretsKey({ env, dataDir, production: true }).equals(key)).toBe(true);
  });

  it.each(["short", "0".repeat(63), randomBytes(16).toString("base64"), "z".repeat(64)])(
    "refuses a malformed key, naming the variable without echoing the value",
    (value) => {
      const load = () => loadSecretsKey({ env: { TENANT_SECRETS_KEY: value }, dataDir, production: false });
      expect(load).toThrow(/TENANT_SECRETS_KEY is malformed/);
      try {
        load();
      } catch (error) {
        expect((error as Error).message).not.toContain(value);
      }
    },
  );

  it("refuses to start in production without TENANT_SECRETS_KEY and says how to make one", () => {
    expect(() => loadSecretsKey({ env: {}, dataDir, production: true })).toThrow(
      /TENANT_SECRETS_KEY must be set.*openssl rand -base64 32/,
    );
  });

  it("outside production, generates a key file once with mode 0600 and reuses it", () => {
    const first = loadSecretsKey({ env: {}, dataDir: path.join(dataDir, "nested"), production: false });
    const second = loadSecretsKey({ env: {}, dataDir: path.join(dataDir, "nested"), production: false });
    const file = path.join(dataDir, "nested", "tenant-secrets.key");
    expect(first).toHaveLength(32);
    expect(second.equals(first)).toBe(true);
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(Buffer.from(readFileSync(file, "utf8").trim(), "base64").equals(first)).toBe(true);
  });

  it("prefers TENANT_SECRETS_KEY over the key file", () => {
    loadSecretsKey({ env: {}, dataDir, production: false });
    const env = { TENANT_SECRETS_KEY: key.toString("base64") };
    expect(loadSecretsKey({ env, dataDir, production: false }).equals(key)).toBe(true);
  });

  it("refuses a corrupted key file, naming the file", () => {
    writeFileSync(path.join(dataDir, "tenant-secrets.key"), "not a key\n");
    expect(() => loadSecretsKey({ env: {}, dataDir, production: false })).toThrow(
      /tenant-secrets\.key is malformed/,
    );
  });
});

describe("generateDatabasePassword", () => {
  it("returns 32 random bytes as base64url", () => {
    const password = generateDatabasePassword();
    expect(password).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(Buffer.from(password, "base64url")).toHaveLength(32);
    expect(generateDatabasePassword()).not.toBe(password);
  });
});
