// Run by `postinstall`: React's completed-render abort reason, made without a stack in every
// renderer Next ships (scripts/lib/render-abort-edit.ts says why).
import { readdirSync, readFileSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { projectRoot } from "../lib/db/project-root";
import { editRenderAbort } from "./lib/render-abort-edit";

const require = createRequire(path.join(projectRoot, "package.json"));
const nextDir = path.dirname(require.resolve("next/package.json"));
const { version } = require("next/package.json") as { version: string };
const compiled = path.join(nextDir, "dist", "compiled");
// The page renderers `next start` loads must be among the edited ones.
const REQUIRED = ["next-server/app-page.runtime.prod.js", "next-server/app-page-turbo.runtime.prod.js"];

const edited: string[] = [];
const already: string[] = [];
for (const entry of readdirSync(compiled, { recursive: true, withFileTypes: true })) {
  if (!entry.isFile() || !entry.name.endsWith(".js")) continue;
  const location = path.join(entry.parentPath, entry.name);
  const result = editRenderAbort(readFileSync(location, "utf8"));
  const name = path.relative(compiled, location);
  if (result.kind === "unknown") {
    console.error(
      `stackless-render-abort: next ${version}'s ${name} does not make the completed-render error as expected (${result.reason}). Check scripts/lib/render-abort-edit.ts against it, or pin the previous next version.`,
    );
    process.exit(1);
  }
  if (result.kind === "edited") {
    writeFileSync(location, result.source);
    edited.push(name);
  }
  if (result.kind === "already") already.push(name);
}
const missing = REQUIRED.filter((name) => !edited.includes(name) && !already.includes(name));
if (missing.length > 0) {
  console.error(
    `stackless-render-abort: next ${version} has no completed-render error in ${missing.join(", ")}; check scripts/lib/render-abort-edit.ts against it.`,
  );
  process.exit(1);
}
console.log(
  `stackless-render-abort: next ${version}: ${edited.length} renderer(s) edited, ${already.length} already`,
);
