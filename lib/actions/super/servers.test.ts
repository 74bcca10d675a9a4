import net from "node:net";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import type { User } from "@/lib/generated/central/client";
import { CONNECTION_TEST_LIMIT } from "@/lib/super/connection-test-limit";
import { findDatabaseServers } from "@/lib/super/servers";
import { decryptSecret } from "@/lib/tenancy/secrets";
import { adminDatabaseUrl } from "@/lib/testing/databases";
import { createProcessPlatform, type TestPlatform } from "@/lib/testing/platform";
import { createPlatformUser, platformCaller } from "@/lib/testing/platform-users";
import { TEST_CLIENT } from "@/lib/testing/requests";
import { addDatabaseServerAction } from "./add-database-server";
import { updateDatabaseServerAction } from "./update-database-server";

let platform: TestPlatform;
let caller: ReturnType<typeof platformCaller>;
let superAdmin: User;

beforeAll(async () => {
  platform = await createProcessPlatform();
  caller = platformCaller(platform.central);
  superAdmin = await createPlatformUser(platform.central, { role: "SUPER_ADMIN" });
});

afterAll(async () => {
  await platform?.cleanup();
});

afterEach(() => {
  delete process.env.DATABASE_SERVER_HOSTS;
});

const addServer = (input: unknown) => caller.callAs(superAdmin, addDatabaseServerAction, input);
const serversAndAudits = async () => ({
  servers: await platform.central.databaseServer.count(),
  audits: await platform.central.auditEvent.count(),
});

/** The test server itself, as a second server would be entered in the form. */
function reachableServer(name: string) {
  const url = new URL(adminDatabaseUrl());
  return {
    name,
    host: url.hostname,
    port: Number(url.port || 5432),
    adminUser: decodeURIComponent(url.username || "postgres"),
    // Under trust authentication the server never asks for it; it is stored all the same.
    adminPassword: decodeURIComponent(url.password) || "kept-encrypted-at-rest",
    capacity: 150,
  };
}

/** A TCP listener on a free port that counts who connects to it: a port a probe would find open. */
async function listenForProbes(): Promise<{
  port: number;
  connections: () => number;
  close: () => Promise<void>;
}> {
  let connections = 0;
  const server = net.createServer((socket) => {
    connections += 1;
    socket.destroy();
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as net.AddressInfo;
  return {
    port,
    connections: () => connections,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

const connectionAudits = (actorId: string) =>
  platform.central.auditEvent.findMany({
    where: { actorId, action: { startsWith: "database-server.connection" } },
    orderBy: { at: "asc" },
  });

describe("the connection test of a new server", () => {
  it("connects only to the server of DATABASE_URL by default: another port is refused unprobed, in words, and audited", async () => {
    const probes = await listenForProbes();
    try {
      const before = await platform.central.databaseServer.count();
      const result = await addServer({ ...reachableServer("probe-1"), host: "127.0.0.1", port: probes.port });

      expect(result).toEqual({
        ok: false,
        error: {
          code: "INVALID",
          message: `The platform connects only to the database servers its operator lists in DATABASE_SERVER_HOSTS, and 127.0.0.1:${probes.port} is not one of them. Ask whoever runs the platform to add it there (comma-separated host:port) and restart it. Nothing was saved.`,
          fields: { host: "Not in DATABASE_SERVER_HOSTS." },
        },
      });
      expect(probes.connections()).toBe(0);
      expect(await platform.central.databaseServer.count()).toBe(before);
      const [audit] = (await connectionAudits(superAdmin.id)).slice(-1);
      expect(audit).toMatchObject({
        action: "database-server.connection-refused",
        ip: TEST_CLIENT.ip,
        details: { host: "127.0.0.1", port: probes.port, adminUser: "postgres" },
      });
      expect(JSON.stringify(audit)).not.toContain("kept-encrypted-at-rest");
    } finally {
      await probes.close();
    }
  });

  it("connects to a host:port listed in DATABASE_SERVER_HOSTS, and audits the attempt", async () => {
    const probes = await listenForProbes();
    try {
      process.env.DATABASE_SERVER_HOSTS = `db.internal, 127.0.0.1:${probes.port}`;
      const result = await addServer({ ...reachableServer("probe-2"), host: "127.0.0.1", port: probes.port });

      expect(result).toMatchObject({ ok: false, error: { code: "INVALID" } });
      expect(probes.connections()).toBe(1);
      const [audit] = (await connectionAudits(superAdmin.id)).slice(-1);
      expect(audit).toMatchObject({
        action: "database-server.connection-tested",
        details: { host: "127.0.0.1", port: probes.port },
      });
    } finally {
      await probes.close();
    }
  });

  it(`runs at most ${CONNECTION_TEST_LIMIT.attempts} tests per super admin in ${CONNECTION_TEST_LIMIT.windowMs / 60_000} minutes`, async () => {
    const scanner = await createPlatformUser(platform.central, { role: "SUPER_ADMIN" });
    const probes = await listenForProbes();
    try {
      process.env.DATABASE_SERVER_HOSTS = `127.0.0.1:${probes.port}`;
      const attempt = () =>
        caller.callAs(scanner, addDatabaseServerAction, {
          ...reachableServer("probe-3"),
          host: "127.0.0.1",
          port: probes.port,
        });
      for (let i = 0; i < CONNECTION_TEST_LIMIT.attempts; i++) await attempt();
      expect(probes.connections()).toBe(CONNECTION_TEST_LIMIT.attempts);

      expect(await attempt()).toEqual({
        ok: false,
        error: {
          code: "UNAVAILABLE",
          message: `You have tested ${CONNECTION_TEST_LIMIT.attempts} server connections in the last 10 minutes. Try again in 10 minutes.`,
        },
      });
      expect(probes.connections()).toBe(CONNECTION_TEST_LIMIT.attempts);
      expect(await connectionAudits(scanner.id)).toHaveLength(CONNECTION_TEST_LIMIT.attempts);
      // Another super admin is not held back by this one.
      expect(
        await addServer({ ...reachableServer("probe-4"), host: "127.0.0.1", port: probes.port }),
      ).toMatchObject({ ok: false, error: { code: "INVALID" } });
    } finally {
      await probes.close();
    }
  });
});

describe("database servers", () => {
  it("refuses a server that does not answer, says why, and saves nothing but the audit of the attempt", async () => {
    process.env.DATABASE_SERVER_HOSTS = "127.0.0.1:1";
    const before = await serversAndAudits();
    const result = await addServer({ ...reachableServer("eu-west-1"), host: "127.0.0.1", port: 1 });

    expect(result).toEqual({
      ok: false,
      error: {
        code: "INVALID",
        message:
          "Could not connect to 127.0.0.1:1: Nothing accepts connections on port 1 there. Nothing was saved.",
        fields: { port: "Nothing accepts connections on port 1 there." },
      },
    });
    expect(await serversAndAudits()).toEqual({ ...before, audits: before.audits + 1 });
  });

  it("checks the form before connecting anywhere", async () => {
    const before = await serversAndAudits();
    const result = await addServer({ ...reachableServer("eu-west-3"), host: "db host; DROP", port: 70_000 });
    expect(result).toMatchObject({
      ok: false,
      error: {
        code: "INVALID",
        fields: { host: "Enter a host name or IP address.", port: "From 1 to 65535." },
      },
    });
    expect(await serversAndAudits()).toEqual(before);
  });

  it("adds a reachable server with its admin password encrypted, never listed or audited", async () => {
    const input = reachableServer("eu-west-2");
    const result = await addServer(input);
    if (!result.ok) throw new Error(result.error.message);

    const row = await platform.central.databaseServer.findUniqueOrThrow({ where: { id: result.data.id } });
    expect(row).toMatchObject({ name: "eu-west-2", capacity: 150, status: "ACTIVE", isDefault: false });
    expect(row.adminPasswordEncrypted).toEqual(expect.any(String));
    expect(row.adminPasswordEncrypted).not.toContain(input.adminPassword);
    expect(decryptSecret(row.adminPasswordEncrypted ?? "")).toBe(input.adminPassword);

    const listed = await findDatabaseServers({ central: platform.central });
    expect(listed.filter((server) => ["default", "eu-west-2"].includes(server.name))).toEqual([
      expect.objectContaining({ name: "default", clinics: 0 }),
      expect.objectContaining({ name: "eu-west-2", clinics: 0 }),
    ]);
    expect(JSON.stringify(listed)).not.toContain("adminPassword");
    const audit = await platform.central.auditEvent.findMany({ where: { targetId: row.id } });
    expect(await connectionAudits(superAdmin.id)).toContainEqual(
      expect.objectContaining({
        action: "database-server.connection-tested",
        details: expect.objectContaining({ name: "eu-west-2" }),
      }),
    );
    expect(audit).toEqual([
      expect.objectContaining({
        action: "database-server.added",
        actorId: superAdmin.id,
        ip: TEST_CLIENT.ip,
      }),
    ]);
    expect(JSON.stringify(audit)).not.toContain(input.adminPassword);
    expect(JSON.stringify(audit)).not.toContain(row.adminPasswordEncrypted);
  });

  it("refuses a second server with the same name", async () => {
    const before = await serversAndAudits();
    const result = await addServer(reachableServer("default"));
    expect(result).toMatchObject({
      ok: false,
      error: { code: "CONFLICT", fields: { name: "Already in use." } },
    });
    expect(await serversAndAudits()).toEqual(before);
  });

  it("changes a server's capacity and status", async () => {
    // A server of this test's own: the default one stays as every other test expects it.
    const server = await platform.central.databaseServer.create({
      data: { name: "eu-central-1", host: "127.0.0.1", port: 5432, adminUser: "postgres" },
    });
    const result = await caller.callAs(superAdmin, updateDatabaseServerAction, {
      serverId: server.id,
      capacity: 40,
      status: "DRAINING",
      poolerHost: "",
      poolerPort: 6432,
    });
    expect(result).toEqual({ ok: true, data: undefined });
    expect(
      await platform.central.databaseServer.findUniqueOrThrow({ where: { id: server.id } }),
    ).toMatchObject({
      capacity: 40,
      status: "DRAINING",
    });
    const audit = await platform.central.auditEvent.findFirstOrThrow({
      where: { action: "database-server.updated", targetId: server.id },
    });
    expect(audit).toMatchObject({ actorId: superAdmin.id });
    expect(audit.details).toMatchObject({
      capacityBefore: 200,
      capacity: 40,
      statusBefore: "ACTIVE",
      status: "DRAINING",
    });
  });

  it("refuses a PgBouncer address the operator did not list, saving nothing and probing nothing", async () => {
    const probes = await listenForProbes();
    try {
      const server = await platform.central.databaseServer.create({
        data: { name: "eu-south-1", host: "127.0.0.1", port: 5432, adminUser: "postgres" },
      });
      const result = await caller.callAs(superAdmin, updateDatabaseServerAction, {
        serverId: server.id,
        capacity: 40,
        status: "ACTIVE",
        poolerHost: "127.0.0.1",
        poolerPort: probes.port,
      });
      expect(result).toMatchObject({
        ok: false,
        error: { code: "INVALID", fields: { poolerHost: "Not in DATABASE_SERVER_HOSTS." } },
      });
      expect(
        await platform.central.databaseServer.findUniqueOrThrow({ where: { id: server.id } }),
      ).toMatchObject({ capacity: 200, poolerHost: null, poolerPort: null });
      expect(probes.connections()).toBe(0);
    } finally {
      await probes.close();
    }
  });
});
