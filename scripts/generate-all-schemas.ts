// npm run prisma:generate: generates the central and the tenant Prisma clients (no network needed).
// Both at once: each `prisma generate` spends most of its time loading the CLI, on one core.
import { execFile } from "node:child_process";
import { promisify } from "node:util";
import { SCHEMA_LOCATIONS } from "../lib/db/migrations";

const run = promisify(execFile);

const results = await Promise.allSettled(
  Object.entries(SCHEMA_LOCATIONS).map(async ([kind, { schemaPath }]) => {
    const args = ["node_modules/prisma/build/index.js", "generate", "--schema", schemaPath];
    try {
      const { stdout, stderr } = await run(process.execPath, args);
      console.log(`generated the ${kind} client from ${schemaPath}\n${stderr}${stdout}`);
    } catch (error) {
      const { stdout = "", stderr = "" } = error as { stdout?: string; stderr?: string };
      console.error(`generating the ${kind} client from ${schemaPath} failed:\n${stderr}${stdout}`);
      throw error;
    }
  }),
);
if (results.some((result) => result.status === "rejected")) process.exit(1);
