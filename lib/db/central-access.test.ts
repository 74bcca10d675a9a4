import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { findCentralDatabaseExposure } from "@/lib/super/central-access";
import { quoteIdent } from "@/lib/tenancy/names";
import { clinicConnectionUrl } from "@/lib/tenancy/servers";
import { type ClinicFixture, createClinicFixture } from "@/lib/testing/clinic-fixture";
import { adminDatabaseUrl, adminQuery } from "@/lib/testing/databases";
import { withDatabaseName } from "./database-url";
import { findCentralDatabaseAccess, prepareCentralDatabase } from "./platform";

let fixture: ClinicFixture;

beforeAll(async () => {
  fixture = await createClinicFixture({ subdomain: "closed" });
});

afterAll(async () => {
  await fixture?.cleanup();
});

/** A central database as an operator makes it by hand (`createdb`): every role may connect. */
async function createOperatorDatabase(label: string): Promise<string> {
  const name = `${fixture.platform.prefix}${label}`;
  await adminQuery(`CREATE DATABASE ${quoteIdent(name)}`);
  return withDatabaseName(adminDatabaseUrl(), name);
}

/** Connects to a database as the clinic's own role; the error's code when refused. */
async function connectAsClinicRole(databaseUrl: string): Promise<"connected" | string> {
  const clinic = await fixture.platform.central.clinic.findUniqueOrThrow({ where: { subdomain: "closed" } });
  const url = withDatabaseName(
    clinicConnectionUrl(clinic, fixture.platform.server),
    new URL(databaseUrl).pathname.slice(1),
  );
  const client = new pg.Client({ connectionString: url });
  client.on("error", () => {});
  try {
    await client.connect();
    return "connected";
  } catch (error) {
    return (error as { code?: string }).code ?? "failed";
  } finally {
    await client.end().catch(() => {});
  }
}

describe("the central database", () => {
  it("admits a clinic's role before the platform prepares it (the operator's createdb)", async () => {
    const url = await createOperatorDatabase("operator_open");
    expect(await connectAsClinicRole(url)).toBe("connected");
  });

  it("is closed to a clinic's role once prepared, even when the operator created it", async () => {
    const url = await createOperatorDatabase("operator_central");
    const { created } = await prepareCentralDatabase(url);
    expect(created).toBe(false);

    // 42501: insufficient privilege, "User does not have CONNECT privilege".
    expect(await connectAsClinicRole(url)).toBe("42501");
    expect(await findCentralDatabaseAccess(url)).toEqual({ openToPublic: false, ownRoleMayConnect: true });
  });

  it("stays open when the operator opts out with CENTRAL_DB_OPEN_TO_PUBLIC=1, and says so", async () => {
    const url = await createOperatorDatabase("operator_kept_open");
    await prepareCentralDatabase(url, { env: { CENTRAL_DB_OPEN_TO_PUBLIC: "1" } });

    expect(await connectAsClinicRole(url)).toBe("connected");
    expect(await findCentralDatabaseAccess(url)).toEqual({ openToPublic: true, ownRoleMayConnect: true });
  });

  it("is reported to /super while open, with whether the operator opted out", async () => {
    const central = fixture.platform.central;
    const name = `${fixture.platform.prefix}central`;
    expect(await findCentralDatabaseExposure({ central, env: {} })).toEqual({
      openToPublic: false,
      optedOut: false,
      databaseName: name,
    });
    await adminQuery(`GRANT CONNECT ON DATABASE ${quoteIdent(name)} TO PUBLIC`);
    try {
      expect(await findCentralDatabaseExposure({ central, env: { CENTRAL_DB_OPEN_TO_PUBLIC: "1" } })).toEqual(
        {
          openToPublic: true,
          optedOut: true,
          databaseName: name,
        },
      );
    } finally {
      await adminQuery(`REVOKE CONNECT ON DATABASE ${quoteIdent(name)} FROM PUBLIC`);
    }
  });
});
