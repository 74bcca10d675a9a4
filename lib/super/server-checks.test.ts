import { randomBytes } from "node:crypto";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { checkDatabaseServerAction } from "@/lib/actions/super/check-database-server";
import type { DatabaseServer, User } from "@/lib/generated/central/client";
import { quoteIdent, quoteLiteral } from "@/lib/tenancy/names";
import { encryptSecret } from "@/lib/tenancy/secrets";
import { adminQuery } from "@/lib/testing/databases";
import { createProcessPlatform, type TestPlatform } from "@/lib/testing/platform";
import { createPlatformUser, platformCaller } from "@/lib/testing/platform-users";
import {
  checkDatabaseServer,
  checkPasswordAuthentication,
  checkPublicConnect,
  checkSsl,
  checkVersion,
} from "./server-checks";
import { withServerConnection } from "./server-connection";

let platform: TestPlatform;
let server: DatabaseServer;
let superAdmin: User;

beforeAll(async () => {
  platform = await createProcessPlatform();
  server = platform.server;
  superAdmin = await createPlatformUser(platform.central, { role: "SUPER_ADMIN" });
});

afterAll(async () => {
  await platform?.cleanup();
});

const asAdmin = <T>(work: (admin: pg.Client) => Promise<T>) => withServerConnection({ server }, work);

/** The truth the check must tell, found another way: does a wrong password get a LOGIN role in? */
async function wrongPasswordGetsIn(): Promise<boolean> {
  const role = `${platform.prefix}oracle_${randomBytes(3).toString("hex")}`;
  await adminQuery(`CREATE ROLE ${quoteIdent(role)} LOGIN PASSWORD ${quoteLiteral("the-right-one")}`);
  const client = new pg.Client({
    host: server.host,
    port: server.port,
    user: role,
    password: "a-wrong-one",
    database: "postgres",
  });
  client.on("error", () => {});
  try {
    await client.connect();
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => {});
    await adminQuery(`DROP ROLE ${quoteIdent(role)}`);
  }
}

describe("the checks of a database server", () => {
  it("says honestly whether a wrong password is refused, and leaves no role behind", async () => {
    const trusting = await wrongPasswordGetsIn();
    const check = await asAdmin((admin) => checkPasswordAuthentication(server, admin));

    expect(check.status).toBe(trusting ? "warning" : "ok");
    if (trusting) {
      expect(check.summary).toContain("A wrong password was accepted");
      expect(check.fix).toContain("scram-sha-256");
    }
    const { rows } = await adminQuery("SELECT rolname FROM pg_roles WHERE rolname LIKE $1", [
      `${platform.prefix}password_check_%`,
    ]);
    expect(rows).toEqual([]);
  });

  it("lists the shared databases every role may connect to, with the statements that close them", async () => {
    const open = `${platform.prefix}shared_open`;
    const closed = `${platform.prefix}shared_closed`;
    for (const name of [open, closed]) await adminQuery(`CREATE DATABASE ${quoteIdent(name)}`);
    await adminQuery(`REVOKE CONNECT, TEMPORARY ON DATABASE ${quoteIdent(closed)} FROM PUBLIC`);

    const check = await asAdmin((admin) => checkPublicConnect(server, admin, [open, closed]));
    expect(check).toMatchObject({
      status: "warning",
      sql: `REVOKE CONNECT, TEMPORARY ON DATABASE ${open} FROM PUBLIC;`,
    });
    expect(check.summary).toContain(`may connect to ${open} (PostgreSQL's default)`);

    await adminQuery(check.sql ?? "", [], undefined);
    expect(await asAdmin((admin) => checkPublicConnect(server, admin, [open, closed]))).toMatchObject({
      status: "ok",
    });
  });

  it("checks postgres and template1 by default, as PostgreSQL reports them", async () => {
    const { rows } = await adminQuery<{ datname: string }>(
      "SELECT datname FROM pg_database WHERE datname IN ('postgres', 'template1') AND has_database_privilege('public', oid, 'CONNECT') ORDER BY 1",
    );
    const check = await asAdmin((admin) => checkPublicConnect(server, admin));
    expect(check.status).toBe(rows.length ? "warning" : "ok");
    for (const { datname } of rows) expect(check.sql).toContain(`ON DATABASE ${datname} FROM PUBLIC;`);
  });

  it("accepts SSL off on the platform's own machine but warns for a server across a network", async () => {
    const { rows } = await adminQuery<{ ssl: string }>("SELECT current_setting('ssl') AS ssl");
    const local = await asAdmin((admin) => checkSsl({ ...server, host: "127.0.0.1" }, admin));
    const remote = await asAdmin((admin) => checkSsl({ ...server, host: "db.eu-west-2.internal" }, admin));

    expect(local.status).toBe("ok");
    expect(remote.status).toBe(rows[0]?.ssl === "on" ? "ok" : "warning");
    if (rows[0]?.ssl !== "on") expect(remote.fix).toContain("ssl = on");
  });

  it("names the server's version and supports 15 or newer", async () => {
    const { rows } = await adminQuery<{ version: string; num: string }>(
      "SELECT current_setting('server_version') AS version, current_setting('server_version_num') AS num",
    );
    const check = await asAdmin((admin) => checkVersion(admin));
    expect(check.status).toBe(Number(rows[0]?.num) >= 150_000 ? "ok" : "warning");
    expect(check.summary).toContain(`PostgreSQL ${rows[0]?.version}`);
  });

  it("runs from the servers page for a super admin: all four checks, or why it could not connect", async () => {
    const caller = platformCaller(platform.central);
    const result = await caller.callAs(superAdmin, checkDatabaseServerAction, { serverId: server.id });
    if (!result.ok) throw new Error(result.error.message);
    expect(result.data.checks.map((check) => check.key)).toEqual([
      "password-authentication",
      "public-connect",
      "ssl",
      "version",
    ]);

    const gone = await platform.central.databaseServer.create({
      data: { name: "gone", host: "127.0.0.1", port: 1, adminUser: "postgres" },
    });
    const unreachable = await caller.callAs(superAdmin, checkDatabaseServerAction, { serverId: gone.id });
    expect(unreachable).toMatchObject({
      ok: true,
      data: {
        checks: [
          {
            key: "connection",
            status: "warning",
            summary:
              "The platform could not connect to 127.0.0.1:1 as postgres: Nothing accepts connections on port 1 there.",
          },
        ],
      },
    });
  });

  it("says it could not tell, rather than guess, when the admin may not create the throwaway role", async () => {
    const weak = `${platform.prefix}weak_admin`;
    await adminQuery(`CREATE ROLE ${quoteIdent(weak)} LOGIN PASSWORD ${quoteLiteral("weak-admin-password")}`);
    const weakServer = await platform.central.databaseServer.create({
      data: {
        name: "weak",
        host: server.host,
        port: server.port,
        adminUser: weak,
        adminPasswordEncrypted: encryptSecret("weak-admin-password"),
      },
    });
    const report = await checkDatabaseServer({ central: platform.central, serverId: weakServer.id });
    expect(report.checks[0]).toMatchObject({
      key: "password-authentication",
      status: "warning",
      summary: `Could not tell whether passwords are checked: ${weak} may not create the throwaway role the test signs in as.`,
    });
    expect(report.checks.map((check) => check.key)).toEqual([
      "password-authentication",
      "public-connect",
      "ssl",
      "version",
    ]);
  });
});
