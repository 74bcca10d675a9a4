import { describe, expect, it } from "vitest";
import { greetingName } from "./dashboard";
import { workspaceAreasFor } from "./workspace-areas";

describe("the dashboard", () => {
  it("offers each role only what it can do", () => {
    const summaryOf = (role: Parameters<typeof workspaceAreasFor>[0], href: string) =>
      workspaceAreasFor(role).find((area) => area.href === href)?.summary;
    expect(summaryOf("BILLING", "/today")).not.toMatch(/check-in/);
    expect(summaryOf("BILLING", "/patients")).not.toMatch(/register/);
    expect(summaryOf("RECEPTIONIST", "/today")).toMatch(/check-in/);
    expect(summaryOf("DOCTOR", "/today")).toMatch(/start and complete your visits/);
    expect(summaryOf("DOCTOR", "/calendar")).not.toMatch(/book/);
    expect(summaryOf("NURSE", "/doctors")).not.toMatch(/^Set/);
  });

  it("lists unsigned notes for those who write notes, and templates for those who keep them", () => {
    const hrefs = (role: Parameters<typeof workspaceAreasFor>[0]) =>
      workspaceAreasFor(role).map((area) => area.href);
    expect(hrefs("DOCTOR")).toEqual(expect.arrayContaining(["/notes", "/templates"]));
    expect(hrefs("NURSE")).toEqual(expect.arrayContaining(["/notes", "/templates"]));
    expect(hrefs("OWNER")).toContain("/templates");
    expect(hrefs("OWNER")).not.toContain("/notes");
    for (const role of ["RECEPTIONIST", "BILLING", "MANAGER"] as const) {
      expect(hrefs(role)).not.toContain("/notes");
      expect(hrefs(role)).not.toContain("/templates");
    }
  });

  it("greets a doctor by title and family name, others by first name", () => {
    expect(greetingName("Dr Ada Adams")).toBe("Dr Adams");
    expect(greetingName("Rita Reception")).toBe("Rita");
    expect(greetingName("Dr")).toBe("Dr");
  });
});
