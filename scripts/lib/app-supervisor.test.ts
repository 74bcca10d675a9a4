import { spawn } from "node:child_process";
import { afterEach, describe, expect, it } from "vitest";
import { findFreePort } from "../../lib/db/embedded-server";
import { findFreePorts } from "../../lib/testing/free-ports";
import { requestWithHost } from "../../lib/testing/host-request";
import { AppSupervisor, type AppSupervisorOptions } from "./app-supervisor";

// A small app process: starts listening after `START_MS` (Next's prepare), answers /slow after
// 700 ms and anything else with its pid; on SIGTERM it drains as scripts/serve.ts does.
const APP_PROCESS = `
const http = require("node:http");
const server = http.createServer((request, response) => {
  if (request.url === "/slow") setTimeout(() => response.end("slow done"), 700);
  else response.end(String(process.pid));
});
setTimeout(() => server.listen(Number(process.env.PORT)), Number(process.env.START_MS));
process.once("SIGTERM", () => {
  server.close(() => process.exit(0));
  setInterval(() => server.closeIdleConnections(), 50);
});
`;

let supervisor: AppSupervisor | undefined;
const lines: string[] = [];

async function startSupervisor(options: Partial<AppSupervisorOptions> & { startMs?: number } = {}) {
  const [basePort = 0] = await findFreePorts(3440, 2);
  supervisor = new AppSupervisor({
    count: 2,
    basePort,
    rootHost: "localhost",
    spawn: (port) =>
      spawn(process.execPath, ["-e", APP_PROCESS], {
        env: { ...process.env, PORT: String(port), START_MS: String(options.startMs ?? 0) },
        stdio: "ignore",
      }),
    log: (line) => lines.push(line),
    minBackoffMs: 100,
    healthTimeoutMs: 10_000,
    ...options,
  });
  await supervisor.start();
  return { supervisor, ports: [basePort, basePort + 1] as const };
}

/** The pid answering on `port`, or null while nothing does. */
const pidOn = (port: number) =>
  requestWithHost({ port, host: "localhost", path: "/", timeoutMs: 2_000 }).then(
    (answer) => Number(answer.body),
    () => null,
  );

async function waitFor<T>(probe: () => Promise<T>, done: (value: T) => boolean, timeoutMs = 10_000) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (done(value)) return value;
    if (Date.now() > deadline) throw new Error(`Still ${String(value)} after ${timeoutMs} ms.`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

afterEach(async () => {
  await supervisor?.stop();
  supervisor = undefined;
  lines.length = 0;
});

describe("AppSupervisor", () => {
  it("runs one process per port and starts a dead one again, saying so in one line, waiting longer while they die young", async () => {
    const { supervisor, ports } = await startSupervisor({ stableMs: 1_000 });
    expect(supervisor.processes().map((process) => process.port)).toEqual(ports);
    const first = (await pidOn(ports[1])) as number;
    expect(first).toBe(supervisor.processes()[1]?.pid);

    process.kill(first, "SIGKILL");
    const second = await waitFor(
      () => pidOn(ports[1]),
      (pid) => pid !== null && pid !== first,
    );
    process.kill(second as number, "SIGKILL");
    const third = await waitFor(
      () => pidOn(ports[1]),
      (pid) => pid !== null && pid !== second,
    );
    await new Promise((resolve) => setTimeout(resolve, 1_100));
    process.kill(third as number, "SIGKILL");
    await waitFor(
      () => pidOn(ports[1]),
      (pid) => pid !== null && pid !== third,
    );

    expect(lines).toEqual([
      expect.stringMatching(
        new RegExp(
          `^\\[supervisor\\] the app process on port ${ports[1]} \\(pid ${first}\\) was killed by SIGKILL after \\d+ s; starting it again in 0.1 s$`,
        ),
      ),
      expect.stringMatching(/\(pid \d+\) was killed by SIGKILL after \d+ s; starting it again in 0.2 s$/),
      expect.stringMatching(/\(pid \d+\) was killed by SIGKILL after \d+ s; starting it again in 0.1 s$/),
    ]);
    expect(await pidOn(ports[0])).toBe(supervisor.processes()[0]?.pid);
  });

  it("restarts the processes one at a time, each after its requests finished, never both down at once", async () => {
    const { supervisor, ports } = await startSupervisor({ startMs: 300 });
    const before = await Promise.all(ports.map(pidOn));
    const inFlight = requestWithHost({ port: ports[0], host: "localhost", path: "/slow", timeoutMs: 5_000 });
    await new Promise((resolve) => setTimeout(resolve, 100));
    const samples: Array<Array<number | null>> = [];
    let restarting = true;
    const sampling = (async () => {
      while (restarting) samples.push(await Promise.all(ports.map(pidOn)));
    })();
    await supervisor.rollingRestart();
    restarting = false;
    await sampling;

    expect((await inFlight).body).toBe("slow done");
    const after = await Promise.all(ports.map(pidOn));
    expect(after.every((pid, i) => pid !== null && pid !== before[i])).toBe(true);
    expect(samples.some(([a]) => a === null)).toBe(true);
    expect(samples.every(([a, b]) => a !== null || b !== null)).toBe(true);
    // The second port keeps its old process until the first has its new one.
    const firstReplaced = samples.findIndex(([a]) => a === after[0]);
    const secondDown = samples.findIndex(([, b]) => b === null);
    expect(firstReplaced).toBeGreaterThanOrEqual(0);
    expect(secondDown).toBeGreaterThan(firstReplaced);
    expect(lines.at(-1)).toBe("[supervisor] rolling restart done: 2 process(es) replaced");
  });

  it("stops every process once its requests in flight have been answered", async () => {
    const { supervisor, ports } = await startSupervisor();
    const inFlight = ports.map((port) =>
      requestWithHost({ port, host: "localhost", path: "/slow", timeoutMs: 5_000 }),
    );
    await new Promise((resolve) => setTimeout(resolve, 100));
    await supervisor.stop();
    expect((await Promise.all(inFlight)).map((answer) => answer.body)).toEqual(["slow done", "slow done"]);
    expect(await Promise.all(ports.map(pidOn))).toEqual([null, null]);
    expect(supervisor.processes().every((process) => process.pid === undefined)).toBe(true);
  });

  it("refuses to start when a process exits before answering, instead of starting it again and again", async () => {
    const basePort = await findFreePort(3440);
    supervisor = new AppSupervisor({
      count: 1,
      basePort,
      rootHost: "localhost",
      spawn: () => spawn(process.execPath, ["-e", "process.exit(3)"], { stdio: "ignore" }),
      log: (line) => lines.push(line),
    });
    await expect(supervisor.start()).rejects.toThrow(
      `The app process on port ${basePort} exited (3) before /api/health answered`,
    );
    expect(lines).toEqual([]);
  });
});
