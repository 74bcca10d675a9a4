// The app's HTTP server (npm start, npm run dev and the e2e server run it): Next behind a Node server
// that tells the app the client's real address, which `next start` cannot (it passes on whatever
// X-Forwarded-For the client sent). Next reads NEXT_DIST_DIR through next.config.js itself.
import { parseArgs } from "node:util";
import next from "next";
import { markClientAddressWritten } from "../lib/auth/request-context";
import { createCentralClient } from "../lib/db/central";
import { parseDatabaseUrl } from "../lib/db/database-url";
import { projectRoot } from "../lib/db/project-root";
import type { JobWorker } from "../lib/jobs/worker";
import { startPlatformWorker } from "../lib/tenancy/job-worker";
import { createAppServer, parseTrustedProxies } from "./lib/app-server";
import { runScript } from "./lib/run-script";

runScript(async () => {
  const { values } = parseArgs({
    options: { dev: { type: "boolean", default: false }, port: { type: "string", default: "3000" } },
  });
  const port = Number(values.port);
  const trustedProxies = parseTrustedProxies(process.env.TRUSTED_PROXIES);
  const app = next({ dev: values.dev, dir: projectRoot, port });
  await app.prepare();
  markClientAddressWritten();
  const server = createAppServer({ trustedProxies, handle: app.getRequestHandler() });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, resolve);
  });
  const worker = await startWorker();
  console.log(
    `listening on port ${port}; client addresses from ${trustedProxies.length ? `the proxies ${trustedProxies.join(", ")}` : "the connection (no trusted proxy)"}`,
  );
  // Like `next start`: stop taking connections, let requests under way finish, then stop Next;
  // meanwhile the worker hands its jobs back at their next step.
  return new Promise<number>((resolve) => {
    let stopping = false;
    const stop = () => {
      if (stopping) return;
      stopping = true;
      const drained = worker?.stop(5_000);
      server.close(() => void Promise.all([app.close(), drained]).finally(() => resolve(0)));
      // A keep-alive connection whose request was under way closes once answered, not after its idle timeout.
      setInterval(() => server.closeIdleConnections(), 100).unref();
      setTimeout(() => server.closeAllConnections(), 5_000).unref();
    };
    process.once("SIGTERM", stop);
    process.once("SIGINT", stop);
  });
});

/** The job worker runs beside the app unless JOB_WORKER=off (then `npm run worker` runs it apart). */
async function startWorker(): Promise<JobWorker | undefined> {
  if (process.env.JOB_WORKER === "off") return undefined;
  const central = createCentralClient(parseDatabaseUrl(process.env.DATABASE_URL).toString(), 3);
  return startPlatformWorker({ central, log: (line) => console.log(line) });
}
