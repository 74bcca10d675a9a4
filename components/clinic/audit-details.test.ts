import { describe, expect, it } from "vitest";
import { describeAuditDetails } from "./audit-details";

describe("describeAuditDetails", () => {
  it("reads a role change as names, not codes", () => {
    expect(describeAuditDetails({ email: "nina@maple.test", from: "NURSE", to: "BILLING" })).toBe(
      "nina@maple.test · Nurse → Billing",
    );
  });

  it("counts the sessions a deactivation ended", () => {
    expect(describeAuditDetails({ email: "a@b.test", sessionsEnded: 1 })).toBe(
      "a@b.test · 1 open session ended",
    );
  });

  it("names the settings that changed", () => {
    expect(describeAuditDetails({ changed: "name, timezone, contactPhone" })).toBe(
      "changed name, time zone, contact phone",
    );
  });

  it("says what the owner's account was before Open clinic restored it", () => {
    expect(describeAuditDetails({ fromRole: "OWNER", fromStatus: "DEACTIVATED" })).toBe(
      "was Owner, deactivated",
    );
    expect(describeAuditDetails({ fromRole: "NURSE", fromStatus: "ACTIVE" })).toBe("was Nurse, active");
  });

  it("shows unknown keys as they are, and nothing for no details", () => {
    expect(describeAuditDetails({ reason: "test" })).toBe("reason: test");
    expect(describeAuditDetails(null)).toBe("");
    expect(describeAuditDetails(["x"])).toBe("");
  });
});
