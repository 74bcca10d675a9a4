import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Clinic } from "../generated/central/client";
import { ClinicDatabaseService } from "../tenancy/clinic-database-service";
import { withAdminClient } from "../tenancy/clinic-schema";
import { clinicConnectionUrl, serverAdminUrl } from "../tenancy/servers";
import { createTestPlatform, type TestPlatform } from "../testing/platform";
import { findClinicMaintenance } from "./clinic-report";
import { runClinicMaintenance } from "./maintenance-service";
import { findServerByName, findServerMaintenance } from "./server-report";
import { maskQuery, stopSession } from "./sessions";
import { describeXidAge, xidAgeLevel } from "./xid-age";

let platform: TestPlatform;
let acme: Clinic;

const adminOf = <T>(database: string, work: (client: pg.Client) => Promise<T>) =>
  withAdminClient(platform.server, database, work);

const patientsTable = async () => {
  const report = await findClinicMaintenance({ central: platform.central, subdomain: "acme", largest: 100 });
  const table = report.largestTables.find((row) => row.name === "public.patients");
  if (!table) throw new Error("no patients table in the report");
  return { report, table };
};

/** Statistics reach the report when the writing session ends; wait until they say what is expected. */
async function eventually<T>(read: () => Promise<T>, ok: (value: T) => boolean): Promise<T> {
  const deadline = Date.now() + 10_000;
  for (;;) {
    const value = await read();
    if (ok(value) || Date.now() > deadline) return value;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

// Past the clinic role's own statement_timeout (10 s), which a slow machine could reach before the checks.
const clinicUrl = () => clinicConnectionUrl(acme, platform.server, { statementTimeoutMs: 120_000 });

/** A session that sleeps in `database` (as `url`'s role) until stopped; resolves with its pid. */
async function sleepingSession(url: string, database: string, applicationName = "front-desk") {
  const target = new URL(url);
  target.pathname = `/${database}`;
  const client = new pg.Client({ connectionString: target.toString(), application_name: applicationName });
  client.on("error", () => {});
  await client.connect();
  const { rows } = await client.query<{ pid: number }>("SELECT pg_backend_pid() AS pid");
  const outcome = client.query("SELECT pg_sleep(60)").then(
    () => "finished",
    (error: Error) => error.message,
  );
  return { pid: rows[0]?.pid ?? 0, outcome, end: () => client.end().catch(() => {}) };
}

beforeAll(async () => {
  platform = await createTestPlatform();
  await new ClinicDatabaseService({ central: platform.central, env: platform.env }).provisionClinic({
    name: "Acme clinic",
    subdomain: "acme",
    ownerId: platform.owner.id,
  });
  acme = await platform.central.clinic.findUniqueOrThrow({ where: { subdomain: "acme" } });
}, 120_000);

afterAll(async () => {
  await platform?.cleanup();
});

describe("transaction-ID age levels", () => {
  it("warns past 200 million (autovacuum's freeze age) and is critical past 1 billion", () => {
    expect(xidAgeLevel(1_000)).toBe("ok");
    expect(xidAgeLevel(200_000_000)).toBe("ok");
    expect(xidAgeLevel(200_000_001)).toBe("warning");
    expect(xidAgeLevel(1_000_000_000)).toBe("warning");
    expect(xidAgeLevel(1_000_000_001)).toBe("critical");
  });

  it("says what to do in words", () => {
    expect(describeXidAge(250_000_000).text).toContain("Autovacuum is behind: 250 million");
    expect(describeXidAge(1_500_000_000).text).toMatch(
      /^Urgent: 1\.5 billion .* 70% .*stops accepting writes/,
    );
    expect(describeXidAge(12_345).text).toMatch(/^Fine: 12,345/);
  });
});

describe("a clinic's report", () => {
  it("shows dead tuples after deletes, and none after the vacuum job, which runs table by table", async () => {
    await adminOf(acme.databaseName, async (client) => {
      await client.query(
        `INSERT INTO patients (id, first_name, last_name, date_of_birth, updated_at)
         SELECT gen_random_uuid(), 'Pat ' || n, 'Dead', date '1980-01-01' + n, now() FROM generate_series(1, 500) AS n`,
      );
      await client.query("DELETE FROM patients WHERE last_name = 'Dead' AND first_name NOT LIKE 'Pat 1%'");
    });
    const before = await eventually(patientsTable, ({ table }) => table.deadTuples > 0);
    expect(before.table.deadTuples).toBeGreaterThan(300);
    expect(before.table.liveTuples).toBeGreaterThan(0);
    expect(before.table.totalBytes).toBeGreaterThanOrEqual(before.table.heapBytes + before.table.indexBytes);
    expect(before.table.heapBytes).toBeGreaterThan(0);
    expect(before.table.indexBytes).toBeGreaterThan(0);
    expect(before.report.sizeBytes).toBeGreaterThan(1_000_000);
    expect(before.report.xidAge).toBeGreaterThan(0);
    expect(before.report).toMatchObject({ xidLevel: "ok", subdomain: "acme", serverName: "default" });
    expect(before.report.deadTuples).toBeGreaterThanOrEqual(before.table.deadTuples);

    const steps: string[] = [];
    const job = await runClinicMaintenance({
      central: platform.central,
      subdomain: "acme",
      operation: "vacuum",
      onStep: (step) => steps.push(step),
    });
    expect(job.state).toBe("SUCCEEDED");
    const total = before.report.tableCount;
    expect(job.step).toMatch(new RegExp(`^${total} of ${total} tables: `));
    expect(steps.length).toBeGreaterThan(0);
    for (const step of steps) expect(step).toMatch(/^\d+ of \d+ tables: [a-z_."]+$/);

    const after = await eventually(patientsTable, ({ table }) => table.deadTuples === 0);
    expect(after.table.deadTuples).toBe(0);
    expect(after.table.lastVacuum).not.toBeNull();
    expect(after.table.lastAnalyze).not.toBeNull();
  });

  it("rebuilds every index concurrently, dropping what an interrupted rebuild left", async () => {
    // A failed CREATE INDEX CONCURRENTLY leaves an invalid index, as an interrupted REINDEX does.
    await adminOf(acme.databaseName, async (client) => {
      await client
        .query("CREATE UNIQUE INDEX CONCURRENTLY patients_last_name_ccnew ON patients (last_name)")
        .catch(() => {});
    });
    const invalid = () =>
      adminOf(acme.databaseName, async (client) => {
        const { rows } = await client.query<{ name: string }>(
          "SELECT indexrelid::regclass::text AS name FROM pg_index WHERE NOT indisvalid",
        );
        return rows.map((row) => row.name);
      });
    expect(await invalid()).toEqual(["patients_last_name_ccnew"]);
    const steps: string[] = [];
    const job = await runClinicMaintenance({
      central: platform.central,
      subdomain: "acme",
      operation: "reindex",
      onStep: (step) => steps.push(step),
    });
    expect(job.state).toBe("SUCCEEDED");
    expect(job.kind).toBe("reindex-clinic");
    // Steps are polled: quick ones may be missed, but each is either the cleanup or "n of m tables".
    for (const step of steps) expect(step).toMatch(/^(cleanup|\d+ of \d+ tables: .+)$/);
    expect(job.step).toMatch(/^(\d+) of \1 tables: /);
    expect(await invalid()).toEqual([]);
  });

  it("refuses hostile or unknown subdomains before touching anything", async () => {
    const jobs = await platform.central.job.count();
    for (const subdomain of ["../acme", "acme'; DROP DATABASE x; --", "", 42, null, "a".repeat(200)]) {
      await expect(findClinicMaintenance({ central: platform.central, subdomain })).rejects.toMatchObject({
        code: "INVALID",
      });
      await expect(
        runClinicMaintenance({ central: platform.central, subdomain, operation: "vacuum" }),
      ).rejects.toMatchObject({ code: "INVALID" });
    }
    await expect(
      runClinicMaintenance({ central: platform.central, subdomain: "nowhere", operation: "reindex" }),
    ).rejects.toMatchObject({ code: "NOT_FOUND", message: "No clinic at nowhere." });
    await expect(findServerByName(platform.central, "default; DROP")).rejects.toMatchObject({
      code: "INVALID",
    });
    expect(await platform.central.job.count()).toBe(jobs);
  });
});

describe("a server's report and stopping sessions", () => {
  it("lists autovacuum, connections, the clinic's figures and its long queries", async () => {
    const sleeper = await sleepingSession(clinicUrl(), acme.databaseName);
    try {
      await new Promise((resolve) => setTimeout(resolve, 1_100));
      const server = await findServerByName(platform.central, "default");
      const report = await findServerMaintenance({ central: platform.central, server, longQuerySeconds: 1 });
      expect(report.autovacuum.max).toBeGreaterThan(0);
      expect(report.autovacuum.busy).toBeLessThanOrEqual(report.autovacuum.max);
      expect(report.connections.total).toBeGreaterThan(0);
      expect(report.connections.byDatabase).toContainEqual({
        database: acme.databaseName,
        state: "active",
        count: 1,
      });
      expect(report.clinics).toEqual([
        expect.objectContaining({ subdomain: "acme", xidLevel: "ok", sizeBytes: expect.any(Number) }),
      ]);
      const long = report.longQueries.find((query) => query.pid === sleeper.pid);
      expect(long).toMatchObject({
        clinic: "acme",
        platform: false,
        refusal: null,
        query: "SELECT pg_sleep(60)",
      });
      expect(long?.seconds).toBeGreaterThanOrEqual(1);
    } finally {
      await sleeper.end();
    }
  });

  it("cancels a clinic's query, and refuses the platform's own sessions unless asked, and other databases always", async () => {
    const central = platform.central;
    const serverId = platform.server.id;
    const clinicQuery = await sleepingSession(clinicUrl(), acme.databaseName);
    const job = await sleepingSession(serverAdminUrl(platform.server), acme.databaseName, "job:1234:1");
    const elsewhere = await sleepingSession(serverAdminUrl(platform.server), "postgres", "front-desk");
    try {
      expect(await stopSession({ central, serverId, pid: clinicQuery.pid, mode: "cancel" })).toMatchObject({
        stopped: true,
        message: "Its query was cancelled.",
      });
      expect(await clinicQuery.outcome).toMatch(/canceling statement due to user request/);

      await expect(stopSession({ central, serverId, pid: job.pid, mode: "terminate" })).rejects.toMatchObject(
        {
          code: "FORBIDDEN",
          message: expect.stringContaining("the platform's own session"),
        },
      );
      await expect(
        stopSession({ central, serverId, pid: elsewhere.pid, mode: "cancel", includePlatform: true }),
      ).rejects.toMatchObject({
        code: "FORBIDDEN",
        message: expect.stringContaining("not in a clinic database"),
      });
      expect(
        await stopSession({ central, serverId, pid: job.pid, mode: "terminate", includePlatform: true }),
      ).toMatchObject({ stopped: true, message: "The session was ended." });
      expect(await job.outcome).toMatch(/terminat/);

      expect(await stopSession({ central, serverId, pid: 2_147_483_000, mode: "cancel" })).toMatchObject({
        stopped: false,
        message: "That session had already ended.",
      });
      await expect(
        stopSession({ central, serverId: "00000000-0000-4000-8000-000000000000", pid: 1, mode: "cancel" }),
      ).rejects.toMatchObject({ code: "NOT_FOUND" });
    } finally {
      await Promise.all([clinicQuery.end(), job.end(), elsewhere.end()]);
    }
  });

  it("masks string literals in the queries it shows", () => {
    expect(maskQuery("SELECT * FROM patients WHERE last_name = 'O''Brien' AND dob = $1")).toBe(
      "SELECT * FROM patients WHERE last_name = '…' AND dob = $1",
    );
    expect(maskQuery("SELECT $$secret$$, $tag$also secret$tag$")).toBe("SELECT '…', '…'");
    expect(maskQuery(`SELECT '${"x".repeat(50)}`)).toBe("SELECT '…'");
  });
});
