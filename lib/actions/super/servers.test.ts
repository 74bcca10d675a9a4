import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { User } from "@/lib/generated/central/client";
import { findDatabaseServers } from "@/lib/super/servers";
import { contextOf, createPlatformUser } from "@/lib/super/testing";
import { decryptSecret } from "@/lib/tenancy/secrets";
import { adminDatabaseUrl } from "@/lib/testing/databases";
import { createTestPlatform, type TestPlatform } from "@/lib/testing/platform";
import { addDatabaseServerAction } from "./add-database-server";
import { updateDatabaseServerAction } from "./update-database-server";

let platform: TestPlatform;
let superAdmin: User;

beforeEach(async () => {
  platform = await createTestPlatform();
  superAdmin = await createPlatformUser(platform.central, { role: "SUPER_ADMIN" });
});

afterEach(async () => {
  await platform.cleanup();
});

const asSuper = () => contextOf(superAdmin, platform.central);

/** The test server itself, as a second server would be entered in the form. */
function reachableServer() {
  const url = new URL(adminDatabaseUrl());
  return {
    name: "eu-west-2",
    host: url.hostname,
    port: Number(url.port || 5432),
    adminUser: decodeURIComponent(url.username || "postgres"),
    // Under trust authentication the server never asks for it; it is stored all the same.
    adminPassword: decodeURIComponent(url.password) || "kept-encrypted-at-rest",
    capacity: 150,
  };
}

describe("database servers", () => {
  it("refuses a server that does not answer, says why, and saves nothing", async () => {
    const result = await addDatabaseServerAction(
      { ...reachableServer(), host: "127.0.0.1", port: 1 },
      asSuper(),
    );

    expect(result).toEqual({
      ok: false,
      error: {
        code: "INVALID",
        message:
          "Could not connect to 127.0.0.1:1: Nothing accepts connections on port 1 there. Nothing was saved.",
        fields: { port: "Nothing accepts connections on port 1 there." },
      },
    });
    expect(await platform.central.databaseServer.count()).toBe(1);
    expect(await platform.central.auditEvent.count()).toBe(0);
  });

  it("checks the form before connecting anywhere", async () => {
    const result = await addDatabaseServerAction(
      { ...reachableServer(), host: "db host; DROP", port: 70_000 },
      asSuper(),
    );
    expect(result).toMatchObject({
      ok: false,
      error: {
        code: "INVALID",
        fields: { host: "Enter a host name or IP address.", port: "From 1 to 65535." },
      },
    });
  });

  it("adds a reachable server with its admin password encrypted, never listed or audited", async () => {
    const input = reachableServer();
    const result = await addDatabaseServerAction(input, asSuper());
    if (!result.ok) throw new Error(result.error.message);

    const row = await platform.central.databaseServer.findUniqueOrThrow({ where: { id: result.data.id } });
    expect(row).toMatchObject({ name: "eu-west-2", capacity: 150, status: "ACTIVE", isDefault: false });
    expect(row.adminPasswordEncrypted).not.toContain(input.adminPassword);
    expect(decryptSecret(row.adminPasswordEncrypted ?? "")).toBe(input.adminPassword);

    const listed = await findDatabaseServers({ central: platform.central });
    expect(listed.map((server) => [server.name, server.clinics])).toEqual([
      ["default", 0],
      ["eu-west-2", 0],
    ]);
    expect(JSON.stringify(listed)).not.toContain("adminPassword");
    const audit = await platform.central.auditEvent.findFirstOrThrow({
      where: { action: "database-server.added" },
    });
    expect(JSON.stringify(audit)).not.toContain(input.adminPassword);
    expect(JSON.stringify(audit)).not.toContain(row.adminPasswordEncrypted);
  });

  it("refuses a second server with the same name", async () => {
    const result = await addDatabaseServerAction({ ...reachableServer(), name: "default" }, asSuper());
    expect(result).toMatchObject({
      ok: false,
      error: { code: "CONFLICT", fields: { name: "Already in use." } },
    });
  });

  it("changes a server's capacity and status", async () => {
    const result = await updateDatabaseServerAction(
      { serverId: platform.server.id, capacity: 40, status: "DRAINING" },
      asSuper(),
    );
    expect(result).toEqual({ ok: true, data: undefined });
    expect(
      await platform.central.databaseServer.findUniqueOrThrow({ where: { id: platform.server.id } }),
    ).toMatchObject({ capacity: 40, status: "DRAINING" });
    const audit = await platform.central.auditEvent.findFirstOrThrow({
      where: { action: "database-server.updated" },
    });
    expect(audit.details).toMatchObject({
      capacityBefore: 200,
      capacity: 40,
      statusBefore: "ACTIVE",
      status: "DRAINING",
    });
  });
});
