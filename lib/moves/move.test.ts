import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { compareManifests } from "../backups/manifest";
import type { Clinic, DatabaseServer } from "../generated/central/client";
import { withAdminClient } from "../tenancy/clinic-schema";
import { TenantRegistry } from "../tenancy/registry";
import { clinicConnectionUrl } from "../tenancy/servers";
import { createTestPlatform, type TestPlatform } from "../testing/platform";
import {
  leftoversOn,
  manifestOf,
  provisionOn,
  type ReplicaServer,
  startReplicaServer,
  stopReplicaServer,
} from "./move-fixture";
import type { MoveJobOptions } from "./move-job";
import { MOVE_STEPS } from "./move-plan";
import { moveClinic } from "./move-service";

let platform: TestPlatform;
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
  moveClinic({
    central: platform.central,
    env: platform.env,
    request: { subdomain, toServer: to },
    onMoveStep,
  });

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

/** Moves with a writer running; checks rows, sequences, fencing and routing; returns the window. */
async function moveUnderLoad(clinic: Clinic, from: ReplicaServer, to: ReplicaServer) {
  const writer = startWriter(clinic.subdomain);
  await new Promise((resolve) => setTimeout(resolve, 300));
  const steps: string[] = [];
  const started = performance.now();
  const result = await moveClinic({
    central: platform.central,
    env: platform.env,
    request: { subdomain: clinic.subdomain, toServer: to.server.name },
    onMoveStep: (step, detail) => {
      if (!detail) steps.push(step);
      if (process.env.MOVE_TEST_LOG)
        console.log(`${Math.round(performance.now() - started)} ms ${step} ${detail ?? ""}`);
    },
  });
  await writer.stop();
  windows.push(result.suspendedMs);
  failedWrites.push(writer.failures.length);
  expect(steps).toEqual([...MOVE_STEPS]);
  expect((await serverOf(clinic.subdomain)).id).toBe(to.server.id);

  // Every table as on the source, but patients: the target also has what the writer added after the switch.
  const before = await manifestOf(from.server, clinic.databaseName);
  const after = await manifestOf(to.server, clinic.databaseName);
  const differences = compareManifests(before, after);
  expect(differences.filter((line) => !line.startsWith("patients:"))).toEqual([]);
  const onTarget = await withAdminClient(to.server, clinic.databaseName, async (client) =>
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
  const landed = await withAdminClient(to.server, clinic.databaseName, (client) =>
    client.query("SELECT 1 FROM patients WHERE mrn = $1", [next.mrn]),
  );
  expect(landed.rowCount).toBe(1);

  const oldUrl = clinicConnectionUrl(clinic, from.server);
  expect(await tryConnect(oldUrl)).toMatch(/not permitted to log in|not currently accepting connections/);
  const oldAdmin = new URL(oldUrl);
  oldAdmin.username = "postgres";
  oldAdmin.password = decodeURIComponent(new URL(from.embedded.adminUrl).password);
  expect(await tryConnect(oldAdmin.toString())).toMatch(/not currently accepting connections/);
  const kept = await platform.central.keptDatabase.findMany({ where: { serverId: from.server.id } });
  expect(kept.map((row) => row.databaseName)).toEqual([clinic.databaseName]);
  const leftovers = await leftoversOn(to.server, clinic);
  expect({ slots: leftovers.slots, subscriptions: leftovers.subscriptions }).toEqual({
    slots: [],
    subscriptions: [],
  });
  expect((await leftoversOn(from.server, clinic)).slots).toEqual([]);
  return { result, failures: writer.failures };
}

/** What an operator does with a kept database before moving the clinic back: drop it, unlist it. */
async function removeKept(replica: ReplicaServer, clinic: Clinic) {
  await withAdminClient(replica.server, "postgres", (admin) =>
    admin.query(`DROP DATABASE "${clinic.databaseName}" WITH (FORCE)`),
  );
  await platform.central.keptDatabase.deleteMany({ where: { serverId: replica.server.id } });
}

beforeAll(async () => {
  const t0 = performance.now();
  const lap = (what: string) =>
    process.env.MOVE_TEST_LOG && console.log(`${what}: ${Math.round(performance.now() - t0)} ms`);
  platform = await createTestPlatform();
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
  await withAdminClient(east.server, acme.databaseName, (client) =>
    client.query(
      `INSERT INTO patients (id, first_name, last_name, date_of_birth, updated_at)
       SELECT gen_random_uuid(), 'Pat ' || n, 'Seed', date '1980-01-01' + n, now() FROM generate_series(1, 2000) AS n`,
    ),
  );
}, 120_000);

afterAll(async () => {
  await registry?.close();
  await Promise.all([stopReplicaServer(east), stopReplicaServer(west)]);
  await platform?.cleanup();
  if (windows.length)
    console.log(
      `[move] cut-over windows (ms): ${windows.join(", ")}; failed writes: ${failedWrites.join(", ")}`,
    );
});

describe("moving a clinic to another server", () => {
  it("moves a clinic under writes: same rows, MRNs continue, old database fenced, the registry follows", async () => {
    const first = await moveUnderLoad(acme, east, west);
    expect(first.result.fromServer).toBe("east");
    await removeKept(east, acme);
    await moveUnderLoad(acme, west, east);
  }, 90_000);

  it("refuses a source without wal_level=logical before anything is made", async () => {
    const plain = await provisionOn(platform, platform.server, "plain-move");
    await expect(move("plain-move", "east")).rejects.toThrow(
      /wal_level=replica.*wal_level=logical.*backup and restore instead is not available/,
    );
    expect((await serverOf("plain-move")).id).toBe(platform.server.id);
    const left = await leftoversOn(east.server, plain);
    expect(left.databases.filter((name) => name.startsWith(plain.databaseName))).toEqual([]);
    expect(left.roles).toEqual([]);
  });

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
