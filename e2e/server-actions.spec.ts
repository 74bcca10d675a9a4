import { readFileSync } from "node:fs";
import path from "node:path";
import { expect, test } from "@playwright/test";

// The build the e2e server serves (playwright.config.ts starts it): its manifest lists every
// server action a browser can call, with the file and export each one comes from.
const distDir = process.env.E2E_DIST_DIR ?? ".next-e2e";
const ACTION_FILE = /^lib\/actions\/[a-z-]+\/[a-z-]+\.ts$/;
const BUILT_BY_PIPELINE = /^export const (\w+) = define(Clinic|Platform|Account|Public)Action\(/gm;

type ManifestEntry = { filename?: string; exportedName?: string };

test("every exposed server action is an export of lib/actions built by the action pipeline", () => {
  const manifest = JSON.parse(
    readFileSync(path.join(distDir, "server", "server-reference-manifest.json"), "utf8"),
  ) as { node: Record<string, ManifestEntry>; edge: Record<string, ManifestEntry> };
  const exposed = [...Object.values(manifest.node), ...Object.values(manifest.edge)];
  expect(exposed.length).toBeGreaterThan(30);
  const problems: string[] = [];
  for (const { filename = "?", exportedName = "?" } of exposed) {
    if (!ACTION_FILE.test(filename)) {
      problems.push(`${filename} ${exportedName}: outside lib/actions/<area>/<verb>-<noun>.ts`);
      continue;
    }
    const source = readFileSync(filename, "utf8");
    const built = [...source.matchAll(BUILT_BY_PIPELINE)].map((match) => match[1]);
    if (!built.includes(exportedName))
      problems.push(`${filename} ${exportedName}: inline, or not built by define…Action`);
  }
  expect(problems).toEqual([]);
});
