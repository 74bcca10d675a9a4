import { spawn } from "node:child_process";
import { existsSync } from "node:fs";
import { chmod, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import net from "node:net";
import os from "node:os";
import path from "node:path";

/** Debian's nginx (apt-get install nginx); tests that need it are skipped without it. */
export const NGINX_BIN = process.env.NGINX_BIN ?? "/usr/sbin/nginx";
export const nginxInstalled = existsSync(NGINX_BIN);

export type NginxServer = {
  errorLog(): Promise<string>;
  accessLog(): Promise<string>;
  stop(): Promise<void>;
};

/**
 * Runs nginx in the foreground with `site` (a server block listening on `port`) in a temporary
 * prefix of its own, not the system's service; resolves once `port` accepts connections. With
 * `accessLog`, one line per request: `$msec|$status|$upstream_addr|$upstream_status` (when it ended,
 * its status, every process it was sent to).
 */
export async function startNginx(options: {
  site: string;
  port: number;
  accessLog?: boolean;
}): Promise<NginxServer> {
  const prefix = await mkdtemp(path.join(os.tmpdir(), "clinic-nginx-"));
  // As root, nginx's workers run as nobody: they must be able to reach their temp folders here.
  await chmod(prefix, 0o755);
  const at = (name: string) => path.join(prefix, name);
  await writeFile(at("site.conf"), options.site);
  await writeFile(
    at("nginx.conf"),
    [
      "daemon off;",
      "worker_processes 1;",
      `pid ${at("nginx.pid")};`,
      `error_log ${at("error.log")} warn;`,
      "events { worker_connections 4096; }",
      "http {",
      // nginx closes a client connection after 1,000 requests ("Connection: close"); autocannon
      // (bench:routing's load) ignores that header and writes its next request on the closing
      // connection, which then times out: a load-generator error, not the app's. Browsers reconnect.
      "    keepalive_requests 1000000;",
      ...(options.accessLog
        ? [
            "    log_format timeline '$msec|$status|$upstream_addr|$upstream_status';",
            `    access_log ${at("access.log")} timeline;`,
          ]
        : ["    access_log off;"]),
      ...["client_body", "proxy", "fastcgi", "uwsgi", "scgi"].map(
        (kind) => `    ${kind}_temp_path ${at(`${kind}_temp`)};`,
      ),
      `    include ${at("site.conf")};`,
      "}",
      "",
    ].join("\n"),
  );
  const child = spawn(NGINX_BIN, ["-p", prefix, "-e", at("error.log"), "-c", at("nginx.conf")], {
    stdio: ["ignore", "inherit", "inherit"],
  });
  const exited = new Promise((resolve) => child.once("exit", resolve));
  const errorLog = () => readFile(at("error.log"), "utf8").catch(() => "");
  const accessLog = () => readFile(at("access.log"), "utf8").catch(() => "");
  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) {
      child.kill("SIGTERM");
      await exited;
    }
    await rm(prefix, { recursive: true, force: true });
  };
  const deadline = Date.now() + 10_000;
  while (!(await accepts(options.port))) {
    if (child.exitCode !== null || Date.now() > deadline) {
      const log = await errorLog();
      await stop();
      throw new Error(`nginx did not start on port ${options.port}: ${log.trim().split("\n").at(-1) ?? ""}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return { errorLog, accessLog, stop };
}

function accepts(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect({ host: "127.0.0.1", port });
    socket.once("connect", () => {
      socket.destroy();
      resolve(true);
    });
    socket.once("error", () => resolve(false));
  });
}
