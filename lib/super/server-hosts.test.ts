import { describe, expect, it } from "vitest";
import { findAllowedServerHosts, isServerHostAllowed } from "./server-hosts";

const DATABASE_URL = "postgresql://platform:secret@db.internal:6432/clinic_platform";

describe("the hosts a connection test may reach", () => {
  it("is only the server of DATABASE_URL when DATABASE_SERVER_HOSTS is unset", () => {
    expect(findAllowedServerHosts({ DATABASE_URL })).toEqual([{ host: "db.internal", port: 6432 }]);
    expect(isServerHostAllowed({ host: "DB.internal", port: 6432 }, { DATABASE_URL })).toBe(true);
    expect(isServerHostAllowed({ host: "db.internal", port: 22 }, { DATABASE_URL })).toBe(false);
    expect(isServerHostAllowed({ host: "10.0.0.9", port: 6432 }, { DATABASE_URL })).toBe(false);
  });

  it("is exactly the listed host:port pairs when set, port 5432 when left out", () => {
    const env = {
      DATABASE_URL,
      DATABASE_SERVER_HOSTS: " pg-2.internal , 10.0.0.5:5433,[fd00::5]:5434, fd00::6 ",
    };
    expect(findAllowedServerHosts(env)).toEqual([
      { host: "pg-2.internal", port: 5432 },
      { host: "10.0.0.5", port: 5433 },
      { host: "fd00::5", port: 5434 },
      { host: "fd00::6", port: 5432 },
    ]);
    expect(isServerHostAllowed({ host: "pg-2.internal", port: 5432 }, env)).toBe(true);
    expect(isServerHostAllowed({ host: "pg-2.internal", port: 5433 }, env)).toBe(false);
    expect(isServerHostAllowed({ host: "[fd00::5]", port: 5434 }, env)).toBe(true);
    // Listing hosts replaces the default: DATABASE_URL's server must be listed to be tested again.
    expect(isServerHostAllowed({ host: "db.internal", port: 6432 }, env)).toBe(false);
  });

  it("is nothing without DATABASE_URL or a list", () => {
    expect(findAllowedServerHosts({})).toEqual([]);
  });
});
