import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ConfigError } from "../errors";
import { createTestPlatform, type TestPlatform } from "../testing/platform";
import {
  enforceConnectionPlan,
  findConnectionPlans,
  type PlanServer,
  planServerConnections,
  readPlanSettings,
} from "./connection-plan";

/** The platform's first server: the central database and room for 200 clinics. */
const home: PlanServer = { name: "default", status: "ACTIVE", capacity: 200, clinics: 3, hostsCentral: true };
const limits = { maxConnections: 100, reserved: 3, inUse: 12 };
const plan = (env: Record<string, string>, server = home) =>
  planServerConnections(server, limits, readPlanSettings(env));

describe("readPlanSettings", () => {
  it("counts one app process with its job worker by default, and the workers run apart with JOB_WORKER=off", () => {
    expect(readPlanSettings({})).toEqual({
      budget: 40,
      poolMax: 1,
      appProcesses: 1,
      workerProcesses: 1,
      jobConcurrency: 2,
    });
    expect(readPlanSettings({ APP_PROCESSES: "4", JOB_WORKER: "off" }).workerProcesses).toBe(1);
    expect(
      readPlanSettings({ APP_PROCESSES: "4", JOB_WORKER: "off", WORKER_PROCESSES: "2" }).workerProcesses,
    ).toBe(2);
    expect(readPlanSettings({ APP_PROCESSES: "4" }).workerProcesses).toBe(4);
    // npm run worker is one of the workers apart even when nobody said so.
    expect(readPlanSettings({ APP_PROCESSES: "2" }, "worker").workerProcesses).toBe(3);
  });

  it.each([
    [{ APP_PROCESSES: "0" }, "APP_PROCESSES must be a whole number from 1 to 256."],
    [{ APP_PROCESSES: "two" }, "APP_PROCESSES must be a number."],
    [{ JOB_CONCURRENCY: "20" }, "JOB_CONCURRENCY must be a whole number from 1 to 16."],
  ])("refuses %o with one clear line", (env, message) => {
    expect(() => readPlanSettings(env)).toThrow(message);
  });
});

describe("planServerConnections", () => {
  it("fits the defaults on a server of max_connections 100, and shows each kind's worst case", () => {
    const fitting = plan({});
    expect(
      fitting.rows.map(({ kind, perProcess, processes, total }) => [kind, perProcess, processes, total]),
    ).toEqual([
      ["tenant", 40, 1, 40],
      ["central", 5, 1, 5],
      ["listen", 1, 1, 1],
      ["jobs", 10, 1, 10],
      ["rollout", 9, 1, 9],
      ["operator", 6, 1, 6],
    ]);
    expect(fitting).toMatchObject({ total: 71, fits: true, limits: { headroom: 10, usable: 87, inUse: 12 } });
    expect(fitting.verdict).toBe(
      "Fits: 71 planned of 87 usable (max_connections 100 − 3 reserved for superusers − 10 headroom).",
    );
  });

  it("refuses two app processes and names the variable to lower and the max_connections to raise", () => {
    const refused = plan({ APP_PROCESSES: "2" });
    expect(refused).toMatchObject({ total: 127, fits: false });
    expect(refused.verdict).toBe(
      "Server default: the connection plan needs 127 connections, more than 87 (max_connections 100 − 3 reserved for superusers − 10 headroom): lower TENANT_CONNECTION_BUDGET to 20 or raise max_connections on server default to 145.",
    );
    // Either change fits.
    expect(plan({ APP_PROCESSES: "2", TENANT_CONNECTION_BUDGET: "20" }).fits).toBe(true);
    expect(
      planServerConnections(
        home,
        { ...limits, maxConnections: 145 },
        readPlanSettings({ APP_PROCESSES: "2" }),
      ).fits,
    ).toBe(true);
  });

  it("counts a draining server's clinics, not the whole budget, and no central clients off the central server", () => {
    const draining: PlanServer = {
      name: "east",
      status: "DRAINING",
      capacity: 200,
      clinics: 6,
      hostsCentral: false,
    };
    const east = plan({ TENANT_POOL_MAX: "2" }, draining);
    expect(east.rows.map(({ kind, detail, total }) => [kind, detail, total])).toEqual([
      ["tenant", "6 clinics × TENANT_POOL_MAX 2", 12],
      ["jobs", "JOB_CONCURRENCY 2 × 2: backups (pg_dump), restores, moves", 4],
      ["rollout", "6 clinics at a time, once on the platform", 6],
      ["operator", "one operator action at a time", 2],
    ]);
  });

  it("asks for a lower JOB_CONCURRENCY when the tenant budget is already as low as it goes", () => {
    const refused = plan({ TENANT_CONNECTION_BUDGET: "1", JOB_CONCURRENCY: "16", APP_PROCESSES: "3" });
    expect(refused.fits).toBe(false);
    expect(refused.verdict).toMatch(
      /: lower JOB_CONCURRENCY to 4 or raise max_connections on server default to \d+\.$/,
    );
  });
});

describe("against the servers themselves", () => {
  let platform: TestPlatform;

  beforeAll(async () => {
    platform = await createTestPlatform();
    // Nothing listens on port 1: a registered server that is down.
    await platform.central.databaseServer.create({
      data: { name: "far", host: "127.0.0.1", port: 1, adminUser: "postgres" },
    });
  });

  afterAll(async () => {
    await platform?.cleanup();
  });

  it("reads max_connections and the sessions in use from each server, and leaves one that is down unchecked", async () => {
    const [shown] = await platform.central.$queryRaw<{ max: number }[]>`
      SELECT current_setting('max_connections')::int AS max`;
    const [home, far] = await findConnectionPlans({ central: platform.central, env: {} });
    expect(home).toMatchObject({ server: "default", fits: true, limits: { maxConnections: shown?.max } });
    expect(home?.limits?.inUse).toBeGreaterThan(0);
    expect(far).toMatchObject({ server: "far", fits: null, limits: null });
    expect(far?.verdict).toBe(
      "Server far could not be reached (Nothing accepts connections on port 1 there.); its connection plan was not checked.",
    );
  });

  it("lets npm start go on with a warning for the server that is down", async () => {
    const warnings: string[] = [];
    await enforceConnectionPlan({
      central: platform.central,
      role: "app",
      env: {},
      warn: (line) => warnings.push(line),
    });
    expect(warnings).toEqual([expect.stringMatching(/^warning: Server far could not be reached/)]);
  });

  it("refuses to start three app processes, with one line that names the server, the sum, the limit and the fix", async () => {
    const refusal = enforceConnectionPlan({
      central: platform.central,
      role: "app",
      env: { APP_PROCESSES: "3" },
      warn: () => {},
    });
    await expect(refusal).rejects.toBeInstanceOf(ConfigError);
    await expect(refusal).rejects.toThrow(
      "Server default: the connection plan needs 183 connections, more than 87 (max_connections 100 − 3 reserved for superusers − 10 headroom): lower TENANT_CONNECTION_BUDGET to 8 or raise max_connections on server default to 207. (npm run server:check -- default shows the plan.)",
    );
  });
});
