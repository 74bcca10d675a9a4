import { mkdtemp, readdir, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { compareManifests } from "../backups/manifest";
import { centralUrlOf } from "../db/central";
import type { Clinic, DatabaseServer } from "../generated/central/client";
import { JobRunner } from "../jobs/runner";
import { withAdminClient } from "../tenancy/clinic-schema";
import { TenantRegistry } from "../tenancy/registry";
import { clinicConnectionUrl, serverAdminUrl } from "../tenancy/servers";
import { runScriptProcess } from "../testing/child-process";
import { createTestPlatform, type TestPlatform } from "../testing/platform";
import {
  leftoversOn,
  manifestOf,
  provisionOn,
  type ReplicaServer,
  startReplicaServer,
  stopReplicaServer,
} from "./move-fixture";
import { type MoveJobOptions, moveClinicHandler } from "./move-job";
import { MOVE_STEPS, type MoveMethod } from "./move-plan";
import { moveClinic } from "./move-service";

let platform: TestPlatform;
/** The platform's env with a BACKUP_DIR of this file's own: a move by backup keeps its dump under it. */
let env: NodeJS.ProcessEnv;
let backupDir: string;
let east: ReplicaServer;
let west: ReplicaServer;
let registry: TenantRegistry;
let acme: Clinic;
const windows: number[] = [];
const failedWrites: number[] = [];

const serverOf = async (subdomain: string) =>
  (
    await platform.central.clinic.findUniqueOrThrow({
      where: { subdomain },
      include: { databaseServer: true },
    })
  ).databaseServer as DatabaseServer;

/** Inserts patients through the registry (as the app does) until stopped; records MRNs and failures. */
function startWriter(subdomain: string) {
  const mrns: string[] = [];
  const failures: string[] = [];
  let running = true;
  const done = (async () => {
    for (let n = 0; running; n++) {
      try {
        const patient = await registry.withTenantDb(subdomain, (db) =>
          db.patient.create({
            data: { firstName: `W${n}`, lastName: "Writer", dateOfBirth: new Date("1990-01-01") },
          }),
        );
        mrns.push(patient.mrn);
      } catch (error) {
        failures.push((error as Error).message);
        if (process.env.MOVE_TEST_LOG) console.log(`[writer] ${(error as Error).message}`);
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
    }
  })();
  return {
    mrns,
    failures,
    stop: async () => {
      running = false;
      await done;
    },
  };
}

const move = (subdomain: string, to: string, onMoveStep?: MoveJobOptions["onMoveStep"]) =>
  moveClinic({ central: platform.central, env, request: { subdomain, toServer: to }, onMoveStep });

/** The jobs' folders under BACKUP_DIR/.restore: a move by backup's plaintext dump lives there while it runs. */
const dumpFolders = () => readdir(path.join(backupDir, ".restore")).catch(() => []);

const seedPatients = (server: DatabaseServer, clinic: Clinic, count: number) =>
  withAdminClient(server, clinic.databaseName, (client) =>
    client.query(
      `INSERT INTO patients (id, first_name, last_name, date_of_birth, updated_at)
       SELECT gen_random_uuid(), 'Pat ' || n, 'Seed', date '1980-01-01' + n, now() FROM generate_series(1, $1) AS n`,
      [count],
    ),
  );

async function tryConnect(url: string): Promise<string> {
  const client = new pg.Client({ connectionString: url });
  client.on("error", () => {});
  try {
    await client.connect();
    await client.query("SELECT 1");
    return "connected";
  } catch (error) {
    return (error as Error).message;
  } finally {
    await client.end().catch(() => {});
  }
}

/** Moves with a writer running; checks rows, sequences, fencing, routing and what is left; returns the window. */
async function moveUnderLoad(
  clinic: Clinic,
  way: { from: DatabaseServer; to: DatabaseServer; method: MoveMethod },
) {
  const { from, to, method } = way;
  const writer = startWriter(clinic.subdomain);
  await new Promise((resolve) => setTimeout(resolve, 300));
  const steps: string[] = [];
  const started = performance.now();
  const result = await moveClinic({
    central: platform.central,
    env,
    request: { subdomain: clinic.subdomain, toServer: to.name },
    onMoveStep: (step, detail) => {
      if (!detail) steps.push(step);
      if (process.env.MOVE_TEST_LOG)
        console.log(`${Math.round(performance.now() - started)} ms ${step} ${detail ?? ""}`);
    },
  });
  await writer.stop();
  windows.push(result.suspendedMs);
  failedWrites.push(writer.failures.length);
  expect(steps).toEqual([...MOVE_STEPS[method]]);
  expect(result).toMatchObject({ method, fromServer: from.name, toServer: to.name });
  expect((await serverOf(clinic.subdomain)).id).toBe(to.id);

  // Every table as on the source, but patients: the target also has what the writer added after the switch.
  const before = await manifestOf(from, clinic.databaseName);
  const after = await manifestOf(to, clinic.databaseName);
  const differences = compareManifests(before, after);
  expect(differences.filter((line) => !line.startsWith("patients:"))).toEqual([]);
  const onTarget = await withAdminClient(to, clinic.databaseName, async (client) =>
    (await client.query<{ mrn: string }>("SELECT mrn FROM patients ORDER BY mrn")).rows.map((row) => row.mrn),
  );
  expect(onTarget).toEqual(expect.arrayContaining(writer.mrns));
  expect(new Set(writer.mrns).size).toBe(writer.mrns.length);
  expect(writer.mrns.length).toBeGreaterThan(5);

  const next = await registry.withTenantDb(clinic.subdomain, (db) =>
    db.patient.create({
      data: { firstName: "Next", lastName: "After", dateOfBirth: new Date("1990-01-01") },
    }),
  );
  expect(next.mrn > (onTarget.at(-1) ?? "")).toBe(true);
  const landed = await withAdminClient(to, clinic.databaseName, (client) =>
    client.query("SELECT 1 FROM patients WHERE mrn = $1", [next.mrn]),
  );
  expect(landed.rowCount).toBe(1);

  expect(await tryConnect(clinicConnectionUrl(clinic, from))).toMatch(
    /not permitted to log in|not currently accepting connections/,
  );
  expect(await tryConnect(serverAdminUrl(from, clinic.databaseName))).toMatch(
    /not currently accepting connections/,
  );
  const kept = await platform.central.keptDatabase.findMany({ where: { serverId: from.id } });
  expect(kept.map((row) => row.databaseName)).toEqual([clinic.databaseName]);
  const left = { target: await leftoversOn(to, clinic), source: await leftoversOn(from, clinic) };
  expect(left.target.databases).toEqual([clinic.databaseName]);
  expect(left.source.databases).toEqual([clinic.databaseName]);
  expect(await dumpFolders()).toEqual([]);
  return { result, failures: writer.failures, left };
}

/** What an operator does with a kept database before moving the clinic back: drop it, unlist it. */
async function removeKept(replica: ReplicaServer, clinic: Clinic) {
  await withAdminClient(replica.server, "postgres", (admin) =>
    admin.query(`DROP DATABASE "${clinic.databaseName}" WITH (FORCE)`),
  );
  await platform.central.keptDatabase.deleteMany({ where: { serverId: replica.server.id } });
}

/** The replication leaves no slot on either server and no subscription on the target. */
function expectNoReplicationLeft(left: Awaited<ReturnType<typeof moveUnderLoad>>["left"]) {
  expect({ slots: left.target.slots, subscriptions: left.target.subscriptions }).toEqual({
    slots: [],
    subscriptions: [],
  });
  expect(left.source.slots).toEqual([]);
}

beforeAll(async () => {
  const t0 = performance.now();
  const lap = (what: string) =>
    process.env.MOVE_TEST_LOG && console.log(`${what}: ${Math.round(performance.now() - t0)} ms`);
  platform = await createTestPlatform();
  backupDir = await mkdtemp(path.join(tmpdir(), "clinic-move-backups-"));
  env = { ...platform.env, BACKUP_DIR: backupDir };
  lap("platform");
  [east, west] = await Promise.all([
    startReplicaServer(platform, "east", 57510),
    startReplicaServer(platform, "west", 57610),
  ]);
  lap("servers");
  registry = new TenantRegistry({ central: platform.central, centralUrl: platform.centralUrl });
  await registry.startListening();
  acme = await provisionOn(platform, east.server, "acme-move");
  lap("provisioned");
  await seedPatients(east.server, acme, 2000);
}, 120_000);

afterAll(async () => {
  await registry?.close();
  await Promise.all([stopReplicaServer(east), stopReplicaServer(west)]);
  await platform?.cleanup();
  if (backupDir) await rm(backupDir, { recursive: true, force: true });
  if (windows.length)
    console.log(
      `[move] cut-over windows (ms): ${windows.join(", ")}; failed writes: ${failedWrites.join(", ")}`,
    );
});

describe("moving a clinic to another server", () => {
  it("moves a clinic under writes: same rows, MRNs continue, old database fenced, the registry follows", async () => {
    const first = await moveUnderLoad(acme, { from: east.server, to: west.server, method: "replication" });
    expectNoReplicationLeft(first.left);
    await removeKept(east, acme);
    expectNoReplicationLeft(
      (await moveUnderLoad(acme, { from: west.server, to: east.server, method: "replication" })).left,
    );
  }, 90_000);

  it("moves a clinic from a server without wal_level=logical by backup and restore, under writes, the same way", async () => {
    const plain = await provisionOn(platform, platform.server, "plain-move");
    await seedPatients(platform.server, plain, 2000);
    const moved = await moveUnderLoad(plain, { from: platform.server, to: east.server, method: "backup" });
    // The writer's requests failed only while the clinic was paused (the fence until the switch).
    expect(moved.result.suspendedMs).toBeGreaterThan(0);
    expect(moved.left.target.subscriptions).toEqual([]);
  }, 90_000);

  it("a failure mid-restore of a move by backup leaves the clinic serving from its server with nothing left on either", async () => {
    const gamma = await provisionOn(platform, platform.server, "gamma-move");
    const failing = move("gamma-move", "east", (step) => {
      if (step === "restore") throw new Error("injected failure at restore");
    });
    await expect(failing).rejects.toThrow(/injected failure at restore.*still serves from server default/);
    expect((await serverOf("gamma-move")).id).toBe(platform.server.id);
    expect(await tryConnect(clinicConnectionUrl(gamma, platform.server))).toBe("connected");
    expect(await leftoversOn(east.server, gamma)).toEqual({
      databases: [],
      roles: [],
      slots: [],
      subscriptions: [],
    });
    expect((await leftoversOn(platform.server, gamma)).databases).toEqual([gamma.databaseName]);
    expect(await platform.central.keptDatabase.count({ where: { databaseName: gamma.databaseName } })).toBe(
      0,
    );
    expect(await dumpFolders()).toEqual([]);
  });

  it("a move by backup whose process was killed mid-restore is taken back by a worker: undone, then done from nothing", async () => {
    const delta = await provisionOn(platform, platform.server, "delta-move");
    await seedPatients(platform.server, delta, 300);
    const before = await manifestOf(platform.server, delta.databaseName);
    const child = runScriptProcess(
      "lib/testing/move-child.ts",
      [platform.centralUrl, "delta-move", "east", "restore"],
      env,
    );
    try {
      await child.waitForLine(/^paused restore$/, 60_000);
    } finally {
      await child.killHard();
    }
    const jobId = /^job (\S+)$/m.exec(child.output())?.[1] ?? "";
    // What the dead attempt left: the clinic paused on its server, a half-made database, its dump.
    expect(await tryConnect(clinicConnectionUrl(delta, platform.server))).toMatch(
      /not permitted to log in|not currently accepting connections/,
    );
    expect((await leftoversOn(east.server, delta)).databases).toEqual([`${delta.databaseName}_p1`]);
    expect(await dumpFolders()).toEqual([jobId]);

    const runner = new JobRunner({
      central: platform.central,
      centralUrl: centralUrlOf(platform.central),
      handlers: { "move-clinic": moveClinicHandler({ central: platform.central, env }) },
    });
    const job = await runner.runUntilDone(jobId);

    const attempts = await platform.central.jobAttempt.findMany({
      where: { jobId },
      orderBy: { number: "asc" },
    });
    expect(attempts.map((attempt) => attempt.state)).toEqual(["DIED", "SUCCEEDED"]);
    expect(job.payload).toMatchObject({ method: "backup", result: { method: "backup", toServer: "east" } });
    expect((await serverOf("delta-move")).id).toBe(east.server.id);
    expect(compareManifests(before, await manifestOf(east.server, delta.databaseName))).toEqual([]);
    expect(await tryConnect(clinicConnectionUrl(delta, east.server))).toBe("connected");
    expect(await tryConnect(clinicConnectionUrl(delta, platform.server))).toMatch(
      /not permitted to log in|not currently accepting connections/,
    );
    expect((await leftoversOn(east.server, delta)).databases).toEqual([delta.databaseName]);
    expect(await dumpFolders()).toEqual([]);
  }, 90_000);

  it("a failure mid-copy leaves the clinic serving from its server with nothing left on either", async () => {
    const beta = await provisionOn(platform, west.server, "beta-move");
    const failing = move("beta-move", "east", (step) => {
      if (step === "copy") throw new Error("injected failure at copy");
    });
    await expect(failing).rejects.toThrow(/injected failure at copy.*still serves from server west/);
    expect((await serverOf("beta-move")).id).toBe(west.server.id);
    expect(await tryConnect(clinicConnectionUrl(beta, west.server))).toBe("connected");
    expect(await leftoversOn(east.server, beta)).toEqual({
      databases: [],
      roles: [],
      slots: [],
      subscriptions: [],
    });
    const source = await leftoversOn(west.server, beta);
    expect(source.slots).toEqual([]);
    expect(source.roles).toEqual([beta.roleName]);
    const publications = await withAdminClient(
      west.server,
      beta.databaseName,
      async (client) => (await client.query("SELECT pubname FROM pg_publication")).rows,
    );
    expect(publications).toEqual([]);
  });

  it("a cut-over that fails after closing the source opens it again for the clinic", async () => {
    const beta = await platform.central.clinic.findUniqueOrThrow({ where: { subdomain: "beta-move" } });
    const failing = move("beta-move", "east", async (step) => {
      if (step !== "cutover") return;
      // What a cut-over that died half-way leaves: the database closed, the role refused.
      await withAdminClient(west.server, "postgres", (admin) =>
        admin.query(
          `ALTER DATABASE "${beta.databaseName}" WITH ALLOW_CONNECTIONS false; ALTER ROLE "${beta.roleName}" NOLOGIN`,
        ),
      );
      throw new Error("injected failure in the cut-over");
    });
    await expect(failing).rejects.toThrow(/injected failure in the cut-over.*still serves from server west/);
    expect((await serverOf("beta-move")).id).toBe(west.server.id);
    expect(await tryConnect(clinicConnectionUrl(beta, west.server))).toBe("connected");
    expect(await leftoversOn(east.server, beta)).toEqual({
      databases: [],
      roles: [],
      slots: [],
      subscriptions: [],
    });
  });

  it("a retry before the switch starts over from nothing; after it, a retry only finishes the cleanup", async () => {
    const failOnce = new Set(["subscribe", "cleanup"]);
    const outcome = await move("beta-move", "east", (step, detail) => {
      if (detail || !failOnce.delete(step)) return;
      throw Object.assign(new Error(`connection reset at ${step}`), { code: "ECONNRESET" });
    });
    expect(outcome.toServer).toBe("east");
    const job = await platform.central.job.findUniqueOrThrow({ where: { id: outcome.jobId } });
    expect({ state: job.state, attempts: job.attempts }).toEqual({ state: "SUCCEEDED", attempts: 3 });
    expect((await serverOf("beta-move")).id).toBe(east.server.id);
    expect((await leftoversOn(east.server, { databaseName: "-", roleName: "-" })).subscriptions).toEqual([]);
    expect((await leftoversOn(west.server, { databaseName: "-", roleName: "-" })).slots).toEqual([]);
    const beta = await platform.central.clinic.findUniqueOrThrow({ where: { subdomain: "beta-move" } });
    expect(await tryConnect(clinicConnectionUrl(beta, west.server))).toMatch(/not permitted to log in/);
    expect(await tryConnect(clinicConnectionUrl(beta, east.server))).toBe("connected");
  });
});
