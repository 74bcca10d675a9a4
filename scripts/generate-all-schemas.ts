// npm run prisma:generate: generates the central and the tenant Prisma clients (no network needed).
import { execFileSync } from "node:child_process";
import { SCHEMA_LOCATIONS } from "../lib/db/migrations";

for (const [kind, { schemaPath }] of Object.entries(SCHEMA_LOCATIONS)) {
  console.log(`generating the ${kind} client from ${schemaPath}`);
  execFileSync(process.execPath, ["node_modules/prisma/build/index.js", "generate", "--schema", schemaPath], {
    stdio: "inherit",
  });
}
