import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { adminQuery } from "../testing/databases";
import { createTestPlatform, type TestPlatform } from "../testing/platform";
import { ClinicDatabaseService } from "./clinic-database-service";
import { latestMigrationName, templateVersionComment } from "./clinic-schema";
import { diagnose, type Finding } from "./doctor";
import { keepDatabase } from "./doctor-kept";
import { repair } from "./doctor-repair";
import { quoteIdent, quoteLiteral, templateDatabaseName } from "./names";
import { formatMarker, platformInstanceId } from "./server-objects";

let platform: TestPlatform;
let instanceId: string;

beforeAll(async () => {
  platform = await createTestPlatform();
  instanceId = await platformInstanceId(platform.central);
});

afterAll(async () => {
  await platform.cleanup();
});

const name = (stem: string) => `${platform.prefix}clinic_${stem}`;

/** A database (or role) on the test server with the comment given: how earlier runs leave them. */
async function makeDatabase(database: string, comment: string | null): Promise<void> {
  await adminQuery(`CREATE DATABASE ${quoteIdent(database)}`);
  if (comment) await adminQuery(`COMMENT ON DATABASE ${quoteIdent(database)} IS ${quoteLiteral(comment)}`);
}

async function makeRole(role: string, comment: string): Promise<void> {
  await adminQuery(`CREATE ROLE ${quoteIdent(role)}`);
  await adminQuery(`COMMENT ON ROLE ${quoteIdent(role)} IS ${quoteLiteral(comment)}`);
}

async function exists(kind: "database" | "role", object: string): Promise<boolean> {
  const query =
    kind === "database"
      ? "SELECT 1 FROM pg_database WHERE datname = $1"
      : "SELECT 1 FROM pg_roles WHERE rolname = $1";
  return ((await adminQuery(query, [object])).rowCount ?? 0) > 0;
}

async function findingsFor(object: string): Promise<Finding[]> {
  return (await diagnose(platform.central, { env: platform.env })).filter((f) => f.object === object);
}

async function fixAll(): Promise<void> {
  await repair(platform.central, await diagnose(platform.central, { env: platform.env }), {
    env: platform.env,
  });
}

describe("tenant doctor", () => {
  it("finds a database and role this instance made for a clinic with no row, and --fix drops them", async () => {
    const marker = formatMarker({ instanceId, clinicId: randomUUID() });
    await makeDatabase(name("gone_db"), marker);
    await makeRole(name("gone_role"), marker);

    expect((await findingsFor(name("gone_db"))).map((f) => [f.kind, f.action])).toEqual([
      ["orphan-database", "drop-database"],
    ]);
    expect((await findingsFor(name("gone_role"))).map((f) => f.kind)).toEqual(["orphan-role"]);

    await fixAll();
    expect(await exists("database", name("gone_db"))).toBe(false);
    expect(await exists("role", name("gone_role"))).toBe(false);
    expect(await findingsFor(name("gone_db"))).toEqual([]);
  });

  it("reports another instance's database and an unmarked one named like ours as not ours, and leaves both", async () => {
    await makeDatabase(name("theirs_db"), formatMarker({ instanceId: randomUUID(), clinicId: randomUUID() }));
    await makeDatabase(name("handmade_db"), null);

    const theirs = await findingsFor(name("theirs_db"));
    const handmade = await findingsFor(name("handmade_db"));
    expect(theirs.map((f) => [f.kind, f.action])).toEqual([["not-ours", "none"]]);
    expect(theirs[0]?.what).toContain("another platform instance");
    expect(handmade.map((f) => [f.kind, f.action])).toEqual([["not-ours", "none"]]);

    await fixAll();
    expect(await exists("database", name("theirs_db"))).toBe(true);
    expect(await exists("database", name("handmade_db"))).toBe(true);
  });

  it("leaves a kept database and its role alone and does not count them as inconsistencies", async () => {
    const marker = formatMarker({ instanceId, clinicId: randomUUID() });
    await makeDatabase(name("evidence_db"), marker);
    await makeRole(name("evidence_role"), marker);
    await keepDatabase(platform.central, {
      target: `${platform.server.name}/${name("evidence_db")}`,
      reason: "copy kept for an investigation",
      keptBy: "ops",
    });

    const found = await findingsFor(name("evidence_db"));
    expect(found.map((f) => [f.kind, f.problem])).toEqual([["kept", false]]);
    expect(found[0]?.what).toContain("copy kept for an investigation");
    // Its role stays with it, so the kept copy can still be opened as the clinic would.
    expect((await findingsFor(name("evidence_role"))).map((f) => f.kind)).toEqual(["kept"]);

    await fixAll();
    expect(await exists("database", name("evidence_db"))).toBe(true);
    expect(await exists("role", name("evidence_role"))).toBe(true);
  });

  it("reports an active clinic whose database was dropped, and never changes its row", async () => {
    const service = new ClinicDatabaseService({ central: platform.central, env: platform.env });
    const clinic = await service.provisionClinic({
      name: "Lost Clinic",
      subdomain: "lost",
      ownerId: platform.owner.id,
    });
    expect(await findingsFor("lost")).toEqual([]);
    await adminQuery(`DROP DATABASE ${quoteIdent(clinic.databaseName)} WITH (FORCE)`);

    const found = await findingsFor("lost");
    expect(found.map((f) => [f.kind, f.clinic, f.action])).toEqual([["missing-database", "lost", "none"]]);
    expect(found[0]?.fix).toContain("restore it from a backup");

    await fixAll();
    const row = await platform.central.clinic.findUniqueOrThrow({ where: { id: clinic.id } });
    expect(row.status).toBe("ACTIVE");
    expect(await exists("role", clinic.roleName)).toBe(true);
  });

  it("drops a pending database of a clinic no job is working on, and leaves one under way", async () => {
    const idle = await platform.central.clinic.create({
      data: {
        name: "Idle",
        subdomain: "idle",
        ownerId: platform.owner.id,
        status: "FAILED",
        databaseServerId: platform.server.id,
        databaseName: name("idle_db"),
        roleName: name("idle_role"),
      },
    });
    const busy = await platform.central.clinic.create({
      data: {
        name: "Busy",
        subdomain: "busy",
        ownerId: platform.owner.id,
        databaseServerId: platform.server.id,
        databaseName: name("busy_db"),
        roleName: name("busy_role"),
      },
    });
    await platform.central.job.create({ data: { kind: "provision", clinicId: busy.id } });
    await makeDatabase(name("idle_db_p2"), formatMarker({ instanceId, clinicId: idle.id }));
    await makeDatabase(name("busy_db_p1"), formatMarker({ instanceId, clinicId: busy.id }));

    expect((await findingsFor(name("idle_db_p2"))).map((f) => f.kind)).toEqual(["pending-database"]);
    expect(await findingsFor(name("busy_db_p1"))).toEqual([]);

    await fixAll();
    expect(await exists("database", name("idle_db_p2"))).toBe(false);
    expect(await exists("database", name("busy_db_p1"))).toBe(true);
  });

  it("reports a database marked for another live clinic of this instance, and leaves it", async () => {
    const alpha = await platform.central.clinic.create({
      data: {
        name: "Alpha",
        subdomain: "alpha",
        ownerId: platform.owner.id,
        status: "ACTIVE",
        databaseServerId: platform.server.id,
        databaseName: name("alpha_db"),
        roleName: name("alpha_role"),
      },
    });
    await makeDatabase(name("alpha_copy_db"), formatMarker({ instanceId, clinicId: alpha.id }));

    const found = await findingsFor(name("alpha_copy_db"));
    expect(found.map((f) => [f.kind, f.clinic, f.action])).toEqual([["other-clinic", "alpha", "none"]]);

    await fixAll();
    expect(await exists("database", name("alpha_copy_db"))).toBe(true);
  });

  it("brings a template whose version is behind the newest tenant migration up to date", async () => {
    const template = templateDatabaseName({ env: platform.env });
    await adminQuery(
      `COMMENT ON DATABASE ${quoteIdent(template)} IS ${quoteLiteral(templateVersionComment("20200101000000_init"))}`,
    );

    const found = await findingsFor(template);
    expect(found.map((f) => [f.kind, f.action])).toEqual([["outdated-template", "update-template"]]);

    await fixAll();
    const comment = await adminQuery(
      "SELECT shobj_description(oid, 'pg_database') AS comment FROM pg_database WHERE datname = $1",
      [template],
    );
    expect(comment.rows[0]?.comment).toBe(templateVersionComment(await latestMigrationName()));
    expect(await findingsFor(template)).toEqual([]);
  });
});
