import { readFile } from "node:fs/promises";
import http from "node:http";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { findFreePort } from "../../lib/db/embedded-server";
import { projectRoot } from "../../lib/db/project-root";
import { findFreePorts } from "../../lib/testing/free-ports";
import { requestWithHost } from "../../lib/testing/host-request";
import { type NginxServer, nginxInstalled, startNginx } from "../../lib/testing/nginx-server";
import { renderNginxSite } from "./nginx-config";

if (!nginxInstalled) {
  console.warn("[nginx] nginx is not installed, so the proxy tests are skipped: apt-get install nginx");
}

it("deploy/nginx/clinics.conf is what npm run nginx:config writes for 2 processes from port 3000", async () => {
  const committed = await readFile(path.join(projectRoot, "deploy/nginx/clinics.conf"), "utf8");
  expect(committed).toBe(
    renderNginxSite({ processes: 2, basePort: 3000, serverName: "clinics.example.com" }),
  );
});

/** An app process stand-in: answers with its port; the one on port `held` keeps /slow unanswered. */
type Upstream = { port: number; received: number; stop(): Promise<void> };

let held = 0;

async function startUpstream(port: number): Promise<Upstream> {
  const upstream: Upstream = { port, received: 0, stop: async () => {} };
  const server = http.createServer((request, response) => {
    upstream.received++;
    request.resume();
    if (request.url === "/slow" && port === held) return;
    response.end(`${request.method} answered by ${port}`);
  });
  await new Promise<void>((resolve) => server.listen(port, "127.0.0.1", resolve));
  // Like a killed process: the port closes and every open connection is cut, answered or not.
  upstream.stop = () =>
    new Promise((resolve) => {
      server.close(() => resolve());
      server.closeAllConnections();
    });
  return upstream;
}

let nginx: NginxServer;
let nginxPort: number;
let upstreams: Upstream[];

const send = (host: string, options: { method?: string; path?: string } = {}) =>
  requestWithHost({
    port: nginxPort,
    host,
    path: options.path ?? "/",
    method: options.method,
    timeoutMs: 10_000,
  });
const hosts = Array.from({ length: 20 }, (_, i) => `clinic-${i}.localhost`);

describe.skipIf(!nginxInstalled)("nginx in front of two app processes (deploy/nginx)", () => {
  beforeAll(async () => {
    const [basePort = 0, secondPort = 0] = await findFreePorts(3470, 2);
    upstreams = [await startUpstream(basePort), await startUpstream(secondPort)];
    nginxPort = await findFreePort(3490);
    const site = renderNginxSite({
      processes: 2,
      basePort,
      serverName: "localhost",
      listen: `127.0.0.1:${nginxPort}`,
    });
    nginx = await startNginx({ site, port: nginxPort });
  });

  afterAll(async () => {
    await nginx?.stop();
    await Promise.all(upstreams.map((upstream) => upstream.stop()));
  });

  it("sends a clinic's requests to one process every time, and spreads the clinics over both", async () => {
    const first = new Map<string, string>();
    for (const host of hosts) first.set(host, (await send(host)).body);
    for (const host of hosts) expect((await send(host)).body).toBe(first.get(host));
    expect(new Set(first.values()).size).toBe(2);
  });

  it("answers a GET in flight on a process that dies from the other one, a POST in flight with 502, and moves only that process's clinics", async () => {
    const [dying, other] = upstreams as [Upstream, Upstream];
    const placed = await Promise.all(hosts.map(async (host) => ({ host, body: (await send(host)).body })));
    const dyingHosts = placed.filter(({ body }) => body.endsWith(`${dying.port}`)).map(({ host }) => host);
    const host = dyingHosts[0] as string;
    held = dying.port;
    const receivedBefore = dying.received;
    const get = send(host, { path: "/slow" });
    const post = send(host, { path: "/slow", method: "POST" });
    while (dying.received < receivedBefore + 2) await new Promise((resolve) => setTimeout(resolve, 10));
    await dying.stop();

    expect((await get).body).toBe(`GET answered by ${other.port}`);
    expect((await post).status).toBe(502);
    // Refused connections were never sent, so any method goes on to the other process.
    expect((await send(host, { method: "POST" })).body).toBe(`POST answered by ${other.port}`);
    for (const { host: stayed, body } of placed) {
      if (!dyingHosts.includes(stayed)) expect((await send(stayed)).body).toBe(body);
    }
  });
});
