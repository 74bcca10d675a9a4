import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { withAdminClient } from "../tenancy/clinic-schema";
import { createTestPlatform, type TestPlatform } from "../testing/platform";
import { type ReplicaServer, startReplicaServer, stopReplicaServer } from "./move-fixture";
import { moveObjectName } from "./move-plan";
import { describeMoveOrphans, findMoveOrphans } from "./orphaned-objects";
import { checkServerForMoves } from "./server-check";

let platform: TestPlatform;
let spare: ReplicaServer;
/** A clinic-like database of this platform's on the spare server (publications live in one). */
let database: string;

/** What a move job leaves on its source when its process dies: a slot, a publication, its login. */
async function leaveMoveObjects(jobId: string): Promise<string> {
  const name = moveObjectName(jobId, platform.env);
  await withAdminClient(spare.server, database, (admin) =>
    admin.query(
      `SELECT pg_create_logical_replication_slot('${name}', 'pgoutput');
       CREATE PUBLICATION "${name}" FOR ALL TABLES;
       CREATE ROLE "${name}" LOGIN REPLICATION`,
    ),
  );
  return name;
}

async function removeMoveObjects(name: string): Promise<void> {
  await withAdminClient(spare.server, database, (admin) =>
    admin.query(
      `SELECT pg_drop_replication_slot('${name}'); DROP PUBLICATION "${name}"; DROP ROLE "${name}"`,
    ),
  );
}

const orphansOn = () =>
  findMoveOrphans({ central: platform.central, server: spare.server, publications: true, env: platform.env });

beforeAll(async () => {
  platform = await createTestPlatform();
  spare = await startReplicaServer(platform, "spare", 57710);
  database = `${platform.prefix}clinic_db`;
  await withAdminClient(spare.server, "postgres", (admin) => admin.query(`CREATE DATABASE "${database}"`));
}, 60_000);

afterAll(async () => {
  await stopReplicaServer(spare);
  await platform?.cleanup();
});

describe("orphaned move objects", () => {
  it("reports a slot, publication and login named like a move's when no job of that name exists", async () => {
    const jobId = randomUUID();
    const name = await leaveMoveObjects(jobId);
    try {
      const orphans = await orphansOn();
      expect(
        orphans.map(({ kind, name, database, jobId, job }) => ({ kind, name, database, jobId, job })),
      ).toEqual([
        { kind: "login", name, database: null, jobId, job: "no longer recorded" },
        { kind: "slot", name, database, jobId, job: "no longer recorded" },
        { kind: "publication", name, database, jobId, job: "no longer recorded" },
      ]);
      expect(orphans.find((orphan) => orphan.kind === "slot")?.fix).toBe(
        `SELECT pg_drop_replication_slot('${name}');`,
      );
      expect(describeMoveOrphans("spare", orphans)).toBe(
        "Left by a move that is not running: 1 login, 1 slot, 1 publication. A slot keeps WAL until it is dropped. npm run server:check -- spare says what to drop.",
      );
      const report = await checkServerForMoves({
        central: platform.central,
        server: spare.server,
        env: platform.env,
      });
      expect(report).toMatchObject({ reachable: true, walLevel: "logical", canBeMoveSource: true });
      // The central database is elsewhere: clinic requests, jobs, a rollout and an operator only.
      expect(report.connectionPlan).toMatchObject({ server: "spare", total: 54, fits: true });
      expect(report.orphans).toHaveLength(3);
      expect(report.advice).toContainEqual(
        expect.stringContaining(`slot ${name} (its move job no longer recorded)`),
      );
    } finally {
      await removeMoveObjects(name);
    }
  });

  it("leaves out what a running move job owns, and reports it again once that job failed", async () => {
    const job = await platform.central.job.create({ data: { kind: "move-clinic", state: "RUNNING" } });
    const name = await leaveMoveObjects(job.id);
    try {
      expect(await orphansOn()).toEqual([]);
      await platform.central.job.update({ where: { id: job.id }, data: { state: "FAILED" } });
      expect((await orphansOn()).map((orphan) => [orphan.kind, orphan.job])).toEqual([
        ["login", "failed"],
        ["slot", "failed"],
        ["publication", "failed"],
      ]);
    } finally {
      await removeMoveObjects(name);
    }
  });

  it("ignores slots and publications of other names, and finds nothing on a clean server", async () => {
    await withAdminClient(spare.server, "postgres", (admin) =>
      admin.query("SELECT pg_create_logical_replication_slot('someone_else', 'pgoutput')"),
    );
    try {
      expect(await orphansOn()).toEqual([]);
    } finally {
      await withAdminClient(spare.server, "postgres", (admin) =>
        admin.query("SELECT pg_drop_replication_slot('someone_else')"),
      );
    }
  });
});
