import { expect, test } from "@playwright/test";
import { ClinicDatabaseService } from "@/lib/tenancy/clinic-database-service";
import { runScriptProcess } from "@/lib/testing/child-process";
import { findFreePorts } from "@/lib/testing/free-ports";
import { requestWithHost } from "@/lib/testing/host-request";
import { withCentralDb } from "./support/central-db";
import { readE2eContext } from "./support/context";
import { E2E_PORT } from "./support/origins";
import { provisionOwnClinic } from "./support/own-clinics";

type Seen = "serving" | "suspended" | "other";
type Sample = { port: number; sentAt: number; seen: Seen };

/** A request every 50 ms to each port, whether or not earlier ones answered, until `stop`. */
function probeEvery50ms(ports: number[], host: string) {
  const samples: Promise<Sample>[] = [];
  const send = (port: number): Promise<Sample> => {
    const sentAt = performance.now();
    return requestWithHost({ port, host, path: "/", timeoutMs: 30_000 }).then(
      ({ status, body }): Sample => ({
        port,
        sentAt,
        seen: status !== 200 ? "other" : body.includes("is suspended") ? "suspended" : "serving",
      }),
      (): Sample => ({ port, sentAt, seen: "other" }),
    );
  };
  const timer = setInterval(() => {
    for (const port of ports) samples.push(send(port));
  }, 50);
  return {
    stop: async () => {
      clearInterval(timer);
      return Promise.all(samples);
    },
  };
}

test("a clinic suspended, then resumed, through the central service is refused, then served, by both app processes within a second", async () => {
  test.setTimeout(300_000);
  await provisionOwnClinic({ name: "Two Doors Clinic", subdomain: "two-doors" });
  const ports = await findFreePorts(E2E_PORT + 30, 2);
  const basePort = ports[0] as number;
  const context = await readE2eContext(E2E_PORT);
  // npm start against the e2e server's central database and build: two more app processes beside it.
  const supervisor = runScriptProcess(
    "scripts/start.ts",
    ["--workers", "2", "--base-port", String(basePort)],
    {
      ...process.env,
      DATABASE_URL: context.centralUrl,
      TENANT_NAME_PREFIX: context.prefix,
      TENANT_SECRETS_KEY: context.secretsKey,
      AUTH_SECRET: context.authSecret,
      NEXT_DIST_DIR: process.env.E2E_DIST_DIR ?? ".next-e2e",
      ROOT_DOMAIN: `localhost:${basePort}`,
      // Jobs are the e2e server's to run (it holds the backup key); these processes only serve pages.
      JOB_WORKER: "off",
      // Two processes' default budgets (40 each) do not fit the test server's connection plan
      // (max_connections 100, beside the e2e server): npm start would rightly refuse to start.
      TENANT_CONNECTION_BUDGET: "8",
    },
  );
  try {
    await supervisor.waitForLine(/Clinic Platform is running/, 240_000);
    const host = `two-doors.localhost:${basePort}`;
    for (const port of ports) {
      const answer = await requestWithHost({ port, host, path: "/", timeoutMs: 30_000 });
      expect(answer.body).toContain("Two Doors Clinic");
      expect(answer.body).not.toContain("is suspended");
    }

    await withCentralDb(async (central) => {
      const service = new ClinicDatabaseService({ central });
      for (const [change, expected] of [
        [() => service.suspendClinic("two-doors", "Moving to a new building"), "suspended"],
        [() => service.resumeClinic("two-doors"), "serving"],
      ] as const) {
        // Both processes have the clinic's row cached (for 5 s) when it changes: only NOTIFY can tell them.
        const probe = probeEvery50ms(ports, host);
        await new Promise((resolve) => setTimeout(resolve, 500));
        await change();
        const changedAt = performance.now();
        await new Promise((resolve) => setTimeout(resolve, 2_000));
        const samples = await probe.stop();
        for (const port of ports) {
          const stale = samples.filter(
            (sample) => sample.port === port && sample.sentAt >= changedAt && sample.seen !== expected,
          );
          const lastMissMs = Math.max(...stale.map((sample) => sample.sentAt - changedAt));
          test.info().annotations.push({
            type: `${expected} on port ${port}`,
            description: stale.length
              ? `the last request that missed the change was sent ${lastMissMs.toFixed(0)} ms after it`
              : "every request sent after the change saw it",
          });
          const late = samples.filter((sample) => sample.port === port && sample.sentAt >= changedAt + 1_000);
          expect(late.length, `requests to port ${port} sent 1 s after the change`).toBeGreaterThan(0);
          expect(new Set(late.map((sample) => sample.seen)), `port ${port} after the change`).toEqual(
            new Set([expected]),
          );
        }
      }
    });
  } finally {
    if (supervisor.child.exitCode === null && supervisor.child.signalCode === null) {
      const exited = new Promise((resolve) => supervisor.child.once("exit", resolve));
      supervisor.child.kill("SIGTERM");
      await exited;
    }
  }
  expect(supervisor.child.exitCode, supervisor.output()).toBe(0);
  for (const port of ports) {
    await expect(requestWithHost({ port, host: "localhost", path: "/api/health" })).rejects.toThrow();
  }
});
