// Run by `postinstall` before `prisma:generate`: makes every Prisma client of one generated schema
// share what its engine builds from that schema, instead of building it again per client (prisma#5050).
// With one client per clinic, per-client copies cost ≈ 4.5 MB and ≈ 27 ms of CPU each (bench/RESULTS.md).
import { readFileSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { projectRoot } from "../lib/db/project-root";
import { PRISMA_ENGINE_EDITS, sharePrismaEngine } from "./lib/prisma-engine-edits";

const require = createRequire(path.join(projectRoot, "package.json"));
const runtimeDir = path.dirname(require.resolve("@prisma/client/runtime/client.js"));
const { version } = require("@prisma/client/package.json") as { version: string };

for (const file of ["client.js", "client.mjs"]) {
  const location = path.join(runtimeDir, file);
  const source = readFileSync(location, "utf8");
  const result = sharePrismaEngine(source);
  if (result.kind === "unknown") {
    console.error(
      `share-prisma-engine: @prisma/client ${version}'s ${file} does not have the code these edits expect ` +
        `(${result.missing}). Check scripts/lib/prisma-engine-edits.ts against the new runtime, or pin the ` +
        "previous @prisma/client version.",
    );
    process.exit(1);
  }
  if (result.kind === "edited") writeFileSync(location, result.source);
  const said = result.kind === "edited" ? "shared" : "already shared";
  console.log(`share-prisma-engine: ${file} (${version}): ${said}: ${PRISMA_ENGINE_EDITS.join(", ")}`);
}
