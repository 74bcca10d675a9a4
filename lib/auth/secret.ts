import { hkdfSync } from "node:crypto";
import { ConfigError } from "../errors";

/** The key Auth.js encrypts session cookies with. */
export function getAuthSecret(env: NodeJS.ProcessEnv = process.env): string {
  const secret = env.AUTH_SECRET;
  if (!secret || secret.length < 32) {
    throw new ConfigError(
      "AUTH_SECRET must be set to at least 32 random characters: openssl rand -base64 32.",
    );
  }
  return secret;
}

/** For the embedded demo only: an AUTH_SECRET derived from its local tenant secrets key. */
export function deriveAuthSecret(secretsKey: Buffer): string {
  return Buffer.from(hkdfSync("sha256", secretsKey, "", "clinic-platform auth secret", 32)).toString(
    "base64",
  );
}
