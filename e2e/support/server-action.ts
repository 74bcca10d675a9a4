import { readFileSync } from "node:fs";
import type http from "node:http";
import path from "node:path";
import type { HostAnswer } from "@/lib/testing/host-request";
import { sendWithHost } from "./http";

type ManifestEntry = { filename?: string; exportedName?: string };

/** The id a browser posts in `Next-Action` to call `exportedName` of `filename`, from the served build. */
export function serverActionId(filename: string, exportedName: string): string {
  const distDir = process.env.E2E_DIST_DIR ?? ".next-e2e";
  const manifest = JSON.parse(
    readFileSync(path.join(distDir, "server", "server-reference-manifest.json"), "utf8"),
  ) as { node: Record<string, ManifestEntry> };
  const found = Object.entries(manifest.node).find(
    ([, entry]) => entry.filename === filename && entry.exportedName === exportedName,
  );
  if (!found) throw new Error(`The build has no server action ${exportedName} in ${filename}.`);
  return found[0];
}

/**
 * Calls a server action as the browser's fetch does (the arguments as JSON, `Next-Action`, an Origin
 * of the same host), on `agent`'s connection to 127.0.0.1, with any extra headers; resolves with the
 * response's text and the socket it went over.
 */
export function postServerAction(options: {
  agent: http.Agent;
  host: string;
  path: string;
  actionId: string;
  args: unknown[];
  headers?: Record<string, string>;
}): Promise<HostAnswer> {
  return sendWithHost({
    agent: options.agent,
    method: "POST",
    host: options.host,
    path: options.path,
    headers: {
      ...options.headers,
      origin: `http://${options.host}`,
      accept: "text/x-component",
      "content-type": "text/plain;charset=UTF-8",
      "next-action": options.actionId,
    },
    body: JSON.stringify(options.args),
  });
}
