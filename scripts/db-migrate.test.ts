import { execFile } from "node:child_process";
import path from "node:path";
import { promisify } from "node:util";
import { expect, it } from "vitest";
import { projectRoot } from "../lib/db/project-root";

const run = promisify(execFile);

async function runDbMigrate(databaseUrl: string) {
  const tsx = path.join(projectRoot, "node_modules/.bin/tsx");
  return run(tsx, ["scripts/db-migrate.ts"], {
    cwd: projectRoot,
    env: { ...process.env, DATABASE_URL: databaseUrl },
  }).then(
    () => ({ code: 0, stderr: "" }),
    (error: { code: number; stderr: string }) => ({ code: error.code, stderr: error.stderr }),
  );
}

it.each([
  ["not a url", "DATABASE_URL is not a URL"],
  ["mysql://root@127.0.0.1:3306/db", "DATABASE_URL must start with postgresql://"],
  ["postgresql://postgres:s3cret@127.0.0.1:5432", "DATABASE_URL has no database name"],
])("answers a malformed DATABASE_URL (%s) with one clear line and exit code 1", async (url, message) => {
  const { code, stderr } = await runDbMigrate(url);

  expect(code).toBe(1);
  expect(stderr.trim().split("\n")).toHaveLength(1);
  expect(stderr).toContain(`error: ${message}`);
  expect(stderr).not.toContain("s3cret");
});
