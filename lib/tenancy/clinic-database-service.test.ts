import pg from "pg";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { clinicAccountStore } from "../auth/account-store";
import { resolveSession } from "../auth/session";
import { claimsFor, type SessionClaims } from "../auth/sign-in";
import { withDatabaseName } from "../db/database-url";
import { AppError } from "../errors";
import { adminQuery } from "../testing/databases";
import { createTestPlatform, type TestPlatform } from "../testing/platform";
import { withClinicClient } from "./clinic-client";
import { ClinicDatabaseService, PROVISIONING_STEPS } from "./clinic-database-service";
import { clinicDatabaseName, clinicRoleName, quoteIdent, templateDatabaseName } from "./names";
import { clinicConnectionUrl } from "./servers";

let platform: TestPlatform;
let service: ClinicDatabaseService;

beforeEach(async () => {
  platform = await createTestPlatform();
  service = new ClinicDatabaseService({ central: platform.central, env: platform.env });
});

afterEach(async () => {
  await platform.cleanup();
});

const request = (subdomain: string) => ({
  name: "Acme Family Clinic",
  subdomain,
  ownerId: platform.owner.id,
});

/** Connects as `url` says and returns the database reached, or PostgreSQL's refusal. */
async function reach(url: string): Promise<string> {
  const client = new pg.Client({ connectionString: url });
  try {
    await client.connect();
    return (await client.query("SELECT current_database() AS db")).rows[0].db;
  } catch (error) {
    return (error as Error).message;
  } finally {
    await client.end().catch(() => {});
  }
}

async function objectsWithPrefix() {
  const like = `${platform.prefix.replaceAll("_", "\\_")}clinic\\_%`;
  const dbs = await adminQuery(
    "SELECT datname FROM pg_database WHERE datname LIKE $1 AND NOT datistemplate",
    [like],
  );
  const roles = await adminQuery("SELECT rolname FROM pg_roles WHERE rolname LIKE $1", [like]);
  return [...dbs.rows.map((row) => row.datname), ...roles.rows.map((row) => row.rolname)];
}

describe("provisionClinic", () => {
  it("creates clinic_<sub>_db with the tenant tables, reachable by its own role only", async () => {
    const acme = await service.provisionClinic(request("acme"));
    const other = await service.provisionClinic({ ...request("bravo-care"), name: "Bravo Care" });

    expect(acme).toMatchObject({
      status: "ACTIVE",
      databaseName: clinicDatabaseName("acme", { env: platform.env }),
    });
    expect(acme.databaseName).toBe(`${platform.prefix}clinic_acme_db`);
    expect(other.databaseName).toBe(`${platform.prefix}clinic_bravo_care_db`);
    const tables = await adminQuery(
      "SELECT tablename FROM pg_tables WHERE schemaname = 'public' ORDER BY 1",
      [],
      withDatabaseName(platform.centralUrl, acme.databaseName),
    );
    expect(tables.rows.map((row) => row.tablename)).toEqual(
      expect.arrayContaining(["clinic_settings", "locations", "patients", "staff_users"]),
    );

    const acmeUrl = clinicConnectionUrl(acme, platform.server);
    expect(await reach(acmeUrl)).toBe(acme.databaseName);
    expect(await reach(withDatabaseName(acmeUrl, other.databaseName))).toMatch(
      /permission denied for database/,
    );
    expect(await reach(withDatabaseName(acmeUrl, new URL(platform.centralUrl).pathname.slice(1)))).toMatch(
      /permission denied for database/,
    );
    expect(await reach(withDatabaseName(acmeUrl, templateDatabaseName({ env: platform.env })))).toMatch(
      /not currently accepting connections|permission denied/,
    );
  });

  it("seeds the settings (dates as usual in its zone, a 24-hour clock), the main location and the owner's staff account, and the role cannot change tables", async () => {
    const acme = await service.provisionClinic({
      ...request("acme"),
      locationName: "Downtown",
      timezone: "America/Chicago",
    });
    const url = clinicConnectionUrl(acme, platform.server);

    const rows = await adminQuery(
      "SELECT (SELECT concat_ws(' / ', name, timezone, date_order, hour_12) FROM clinic_settings) AS settings, (SELECT name FROM locations WHERE is_main) AS location, (SELECT email || ' ' || role FROM staff_users) AS owner",
      [],
      url,
    );
    expect(rows.rows[0]).toEqual({
      settings: "Acme Family Clinic / America/Chicago / MDY / f",
      location: "Downtown",
      owner: `${platform.owner.email} OWNER`,
    });
    await expect(adminQuery("DROP TABLE patients", [], url)).rejects.toThrow(/must be owner/);
    await expect(adminQuery("DELETE FROM _prisma_migrations", [], url)).rejects.toThrow(/permission denied/);
  });

  it.each([
    ["Acme", "lowercase"],
    ["a", "at least 3"],
    ["-ab", "start"],
    ["ab-", "end with a hyphen"],
    ["a--b", "two hyphens"],
    ["a_b", "hyphen instead"],
    ["admin", "reserved"],
    ["www", "reserved"],
    ["a".repeat(31), "at most 30"],
    ["ab;drop database x", "only lowercase letters, digits and hyphens"],
    ["\u0430cme", "look-alike or non-ascii character"],
    ["", "enter a subdomain"],
  ])("refuses the subdomain %j before creating anything", async (subdomain, hint) => {
    const attempt = service.provisionClinic(request(subdomain));

    await expect(attempt).rejects.toBeInstanceOf(AppError);
    const error = (await attempt.catch((e: AppError) => e)) as AppError;
    expect(error.code).toBe("INVALID");
    expect(error.fields?.subdomain?.toLowerCase()).toContain(hint.toLowerCase());
    expect(await platform.central.clinic.count()).toBe(0);
    expect(await objectsWithPrefix()).toEqual([]);
  });

  it("refuses a subdomain that is taken, also when the same one is created concurrently", async () => {
    const results = await Promise.allSettled([1, 2, 3].map(() => service.provisionClinic(request("acme"))));

    expect(results.filter((result) => result.status === "fulfilled")).toHaveLength(1);
    for (const result of results.filter((r) => r.status === "rejected")) {
      expect(result.reason).toMatchObject({
        code: "CONFLICT",
        message: "The subdomain “acme” is already taken.",
      });
    }
    await expect(service.provisionClinic(request("acme"))).rejects.toMatchObject({ code: "CONFLICT" });
    expect(await platform.central.clinic.count()).toBe(1);
  });

  it.each(PROVISIONING_STEPS.filter((step) => step !== "registered"))(
    "leaves nothing behind when step %s fails, records why, and a retry succeeds",
    async (failingStep) => {
      const failing = new ClinicDatabaseService({
        central: platform.central,
        env: platform.env,
        onStep: (step) => {
          if (step === failingStep) throw new Error(`disk full during ${step}`);
        },
      });

      await expect(failing.provisionClinic(request("acme"))).rejects.toMatchObject({
        code: "UNAVAILABLE",
        message: `Setting up the clinic failed at step “${failingStep}”: disk full during ${failingStep}. Nothing was left behind; you can try again.`,
      });
      const failed = await platform.central.clinic.findUniqueOrThrow({ where: { subdomain: "acme" } });
      expect(failed).toMatchObject({
        status: "FAILED",
        statusReason: `${failingStep}: disk full during ${failingStep}.`,
      });
      expect(failed.rolePasswordEncrypted).toBeNull();
      expect(await objectsWithPrefix()).toEqual([]);

      const retried = await service.provisionClinic(request("acme"));
      expect(retried).toMatchObject({ id: failed.id, status: "ACTIVE", statusReason: null });
      expect(await reach(clinicConnectionUrl(retried, platform.server))).toBe(retried.databaseName);
    },
  );
});

describe("suspend, resume and delete", () => {
  it("suspends a clinic so its role cannot log in, and resumes it", async () => {
    const acme = await service.provisionClinic(request("acme"));
    const url = clinicConnectionUrl(acme, platform.server);

    await service.suspendClinic("acme");
    expect(await reach(url)).toMatch(/not permitted to log in/);
    await expect(service.suspendClinic("acme")).rejects.toMatchObject({ code: "CONFLICT" });

    await service.resumeClinic("acme");
    expect(await reach(url)).toBe(acme.databaseName);
  });

  it("ends every staff session on suspend, and resume does not bring them back", async () => {
    const acme = await service.provisionClinic(request("acme"));
    const signInOwner = () =>
      withClinicClient(acme, platform.server, async (db) => {
        const store = clinicAccountStore("acme", db);
        const owner = await store.findByEmail(platform.owner.email);
        if (!owner) throw new Error("the owner has no staff account");
        const session = await store.createSession({
          accountId: owner.id,
          ip: null,
          userAgent: null,
          at: new Date(),
        });
        return claimsFor(store.realm, owner, session.id);
      });
    const sessionOf = (claims: SessionClaims) =>
      withClinicClient(acme, platform.server, (db) =>
        resolveSession({ claims, store: clinicAccountStore("acme", db) }),
      );
    const before = await signInOwner();
    expect(await sessionOf(before)).not.toBeNull();

    await service.suspendClinic("acme");
    await service.resumeClinic("acme");

    expect(await sessionOf(before)).toBeNull();
    expect(await sessionOf(await signInOwner())).not.toBeNull();
  });

  it("keeps a clinic active when its role cannot be locked, and says so", async () => {
    const acme = await service.provisionClinic(request("acme"));
    await adminQuery(
      `ALTER ROLE ${quoteIdent(acme.roleName)} RENAME TO ${quoteIdent(`${acme.roleName}_moved`)}`,
    );
    try {
      await expect(service.suspendClinic("acme")).rejects.toMatchObject({
        code: "UNAVAILABLE",
        message: expect.stringMatching(/^The clinic could not be suspended: .* It is still active\.$/),
      });
      expect(await platform.central.clinic.findUniqueOrThrow({ where: { id: acme.id } })).toMatchObject({
        status: "ACTIVE",
      });
    } finally {
      await adminQuery(
        `ALTER ROLE ${quoteIdent(`${acme.roleName}_moved`)} RENAME TO ${quoteIdent(acme.roleName)}`,
      );
    }
  });

  it("drops the database and role on delete and keeps the subdomain reserved", async () => {
    const acme = await service.provisionClinic(request("acme"));

    const deleted = await service.deleteClinic("acme");
    expect(deleted).toMatchObject({ status: "DELETED" });
    expect(await objectsWithPrefix()).toEqual([]);
    await expect(service.provisionClinic(request("acme"))).rejects.toMatchObject({
      code: "CONFLICT",
      message: expect.stringContaining("belonged to a deleted clinic and is reserved until"),
    });

    const afterReservation = new ClinicDatabaseService({
      central: platform.central,
      env: platform.env,
      reservationDays: 0,
    });
    const again = await afterReservation.provisionClinic(request("acme"));
    expect(again.id).not.toBe(acme.id);
    expect(await platform.central.clinic.findUniqueOrThrow({ where: { id: acme.id } })).toMatchObject({
      status: "DELETED",
      subdomain: `acme~${acme.id}`,
    });
    expect(clinicRoleName("acme", { env: platform.env })).toBe(again.roleName);
  });
});
