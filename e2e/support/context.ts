import { readFile, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";

/** What the e2e server tells the specs so they can arrange clinics in its central database. */
export type E2eContext = {
  centralUrl: string;
  prefix: string;
  secretsKey: string;
  /** The server's AUTH_SECRET, so specs can issue clinic tickets the server accepts. */
  authSecret: string;
};

export function e2eContextPath(port: number): string {
  return path.join(os.tmpdir(), `clinic-e2e-${port}.json`);
}

/** Where the e2e server copies the Next server's output, so a spec can check what it logged. */
export function e2eServerLogPath(port: number): string {
  return path.join(os.tmpdir(), `clinic-e2e-${port}.log`);
}

export async function writeE2eContext(port: number, context: E2eContext): Promise<void> {
  await writeFile(e2eContextPath(port), JSON.stringify(context), { mode: 0o600 });
}

export async function readE2eContext(port: number): Promise<E2eContext> {
  return JSON.parse(await readFile(e2eContextPath(port), "utf8")) as E2eContext;
}
