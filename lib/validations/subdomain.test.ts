import { describe, expect, it } from "vitest";
import { parseSubdomain, RESERVED_SUBDOMAINS, subdomainSchema } from "./subdomain";

function refusalOf(input: unknown): string {
  const result = parseSubdomain(input);
  if (result.ok) throw new Error(`expected ${JSON.stringify(input)} to be refused`);
  return result.message;
}

describe("parseSubdomain", () => {
  it.each(["acme", "sunrise", "harbor", "abc", "a1b", "north-side-clinic", "demo", "a".repeat(30)])(
    "accepts %s",
    (name) => {
      expect(parseSubdomain(name)).toEqual({ ok: true, subdomain: name });
    },
  );

  it("refuses uppercase letters and asks for lowercase instead of lowercasing silently", () => {
    expect(refusalOf("Acme")).toMatch(/lowercase/i);
  });

  it("refuses a one-letter name as too short", () => {
    expect(refusalOf("a")).toMatch(/too short/i);
  });

  it("refuses a 31-character name as too long", () => {
    expect(refusalOf("a".repeat(31))).toMatch(/too long/i);
  });

  it("refuses a leading hyphen", () => {
    expect(refusalOf("-ab")).toMatch(/start or end with a hyphen/);
  });

  it("refuses a trailing hyphen", () => {
    expect(refusalOf("ab-")).toMatch(/start or end with a hyphen/);
  });

  it("refuses a name that starts with a digit", () => {
    expect(refusalOf("1abc")).toMatch(/start with a letter/);
  });

  it("refuses two hyphens in a row", () => {
    expect(refusalOf("a--b")).toMatch(/two hyphens in a row/);
  });

  it("refuses underscores and suggests a hyphen", () => {
    expect(refusalOf("a_b")).toMatch(/underscores are not allowed/i);
  });

  it("refuses SQL-looking input with spaces and symbols", () => {
    expect(refusalOf("ab;drop database x")).toMatch(/only lowercase letters, digits and hyphens/);
  });

  it("refuses dots, so a name cannot add a subdomain level", () => {
    expect(refusalOf("a.bc")).toMatch(/only lowercase letters, digits and hyphens/);
  });

  it("refuses a Cyrillic look-alike letter", () => {
    expect(refusalOf("\u0430cme")).toMatch(/look-alike/);
  });

  it("refuses control characters without calling them look-alikes", () => {
    expect(refusalOf("acme\n")).toMatch(/only lowercase letters, digits and hyphens/);
  });

  it.each(["admin", "www", "super", "api", "template", "login"])("refuses the reserved name %s", (name) => {
    expect(refusalOf(name)).toMatch(/reserved/);
  });

  it("refuses the empty string", () => {
    expect(refusalOf("")).toMatch(/enter a subdomain/i);
  });

  it.each([undefined, null, 42, {}, ["acme"]])("refuses the non-string %j", (input) => {
    expect(refusalOf(input)).toMatch(/must be text/);
  });

  it("does not trim whitespace silently", () => {
    expect(parseSubdomain(" acme").ok).toBe(false);
  });
});

describe("RESERVED_SUBDOMAINS", () => {
  it("keeps demo free for demo clinics", () => {
    expect(RESERVED_SUBDOMAINS.has("demo")).toBe(false);
  });

  it("holds only names the pattern would otherwise accept", () => {
    for (const name of RESERVED_SUBDOMAINS) {
      expect(name).toMatch(/^[a-z](?:[a-z0-9]|-(?!-)){1,28}[a-z0-9]$/);
    }
  });
});

describe("subdomainSchema", () => {
  it("reports a single issue with the human message, for forms", () => {
    const result = subdomainSchema.safeParse("Acme");
    expect(result.success).toBe(false);
    expect(result.error?.issues).toHaveLength(1);
    expect(result.error?.issues[0]?.message).toMatch(/lowercase/i);
  });
});
