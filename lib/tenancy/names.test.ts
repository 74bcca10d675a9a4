import { describe, expect, it } from "vitest";
import {
  clinicDatabaseName,
  clinicRoleName,
  getTenantNamePrefix,
  quoteIdent,
  quoteLiteral,
  templateDatabaseName,
} from "./names";

const noPrefix = { env: {} };
const testPrefix = { env: { TENANT_NAME_PREFIX: "t42_" } };

describe("clinic database and role names", () => {
  it("keeps the seed's names when no prefix is set", () => {
    expect(clinicDatabaseName("acme", noPrefix)).toBe("clinic_acme_db");
    expect(clinicRoleName("acme", noPrefix)).toBe("clinic_acme_role");
    expect(templateDatabaseName(noPrefix)).toBe("clinic_template_db");
  });

  it("turns hyphens into underscores", () => {
    expect(clinicDatabaseName("north-side", noPrefix)).toBe("clinic_north_side_db");
    expect(clinicRoleName("north-side", noPrefix)).toBe("clinic_north_side_role");
  });

  it("puts the instance prefix in front of every name", () => {
    expect(clinicDatabaseName("acme", testPrefix)).toBe("t42_clinic_acme_db");
    expect(clinicRoleName("acme", testPrefix)).toBe("t42_clinic_acme_role");
    expect(templateDatabaseName(testPrefix)).toBe("t42_clinic_template_db");
  });

  it("reads the prefix from process.env by default", () => {
    const previous = process.env.TENANT_NAME_PREFIX;
    process.env.TENANT_NAME_PREFIX = "ci_";
    try {
      expect(clinicDatabaseName("acme")).toBe("ci_clinic_acme_db");
    } finally {
      if (previous === undefined) delete process.env.TENANT_NAME_PREFIX;
      else process.env.TENANT_NAME_PREFIX = previous;
    }
  });

  it("stays within PostgreSQL's 63-byte limit for the longest prefix and subdomain", () => {
    const longest = { env: { TENANT_NAME_PREFIX: `p${"x".repeat(15)}` } };
    const subdomain = `a${"b".repeat(29)}`;
    expect(clinicRoleName(subdomain, longest).length).toBe(58);
    expect(clinicDatabaseName(subdomain, longest).length).toBe(56);
    expect(() => quoteIdent(clinicRoleName(subdomain, longest))).not.toThrow();
  });

  it.each(["Acme", "a--b", "ab;drop database x", "admin", "", "acme_db"])(
    "refuses to derive names from the invalid subdomain %j",
    (subdomain) => {
      expect(() => clinicDatabaseName(subdomain, noPrefix)).toThrow(/invalid subdomain/);
      expect(() => clinicRoleName(subdomain, noPrefix)).toThrow(/invalid subdomain/);
    },
  );
});

describe("getTenantNamePrefix", () => {
  it("is empty when unset or empty", () => {
    expect(getTenantNamePrefix(noPrefix)).toBe("");
    expect(getTenantNamePrefix({ env: { TENANT_NAME_PREFIX: "" } })).toBe("");
  });

  it.each(["Test_", "1abc", "a-b", "a b", `a${"b".repeat(16)}`, 'x"; drop'])(
    "refuses the malformed prefix %j and names the variable",
    (prefix) => {
      expect(() => getTenantNamePrefix({ env: { TENANT_NAME_PREFIX: prefix } })).toThrow(
        /TENANT_NAME_PREFIX/,
      );
    },
  );
});

describe("quoteIdent", () => {
  it("double-quotes a lowercase PostgreSQL name", () => {
    expect(quoteIdent("clinic_acme_db")).toBe('"clinic_acme_db"');
    expect(quoteIdent("_x")).toBe('"_x"');
  });

  it.each(['a"b', "Acme", "a-b", "1abc", "", "a b", "x".repeat(64), "clinic;drop"])("refuses %j", (name) => {
    expect(() => quoteIdent(name)).toThrow(/Refusing to quote an identifier/);
  });
});

describe("quoteLiteral", () => {
  it("wraps a plain value in single quotes", () => {
    expect(quoteLiteral("s3cret")).toBe("'s3cret'");
  });

  it("doubles single quotes", () => {
    expect(quoteLiteral("it's")).toBe("'it''s'");
  });

  it("escapes backslashes with an E'' string", () => {
    expect(quoteLiteral("a\\b'c")).toBe("E'a\\\\b''c'");
  });

  it("refuses NUL bytes", () => {
    expect(() => quoteLiteral("a\0b")).toThrow(/NUL/);
  });
});
