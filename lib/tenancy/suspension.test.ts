import { describe, expect, it } from "vitest";
import { describeSuspension, SUSPENDED_BY_CLINIC_ADMIN } from "./suspension";

describe("what a suspended clinic tells its staff", () => {
  it("gives the platform's reason as its operator wrote it, and whom to ask", () => {
    expect(describeSuspension("Unpaid invoice")).toBe(
      "Suspended by the platform: Unpaid invoice. Ask your clinic admin.",
    );
    expect(describeSuspension("Moving servers tonight!")).toBe(
      "Suspended by the platform: Moving servers tonight! Ask your clinic admin.",
    );
  });

  it("says the platform stopped it when no reason was given", () => {
    expect(describeSuspension(null)).toBe("Suspended by the platform. Ask your clinic admin.");
    expect(describeSuspension("  ")).toBe("Suspended by the platform. Ask your clinic admin.");
  });

  it("says so when the clinic's own admin suspended it", () => {
    expect(describeSuspension(SUSPENDED_BY_CLINIC_ADMIN)).toBe(
      "Your clinic admin has suspended this workspace. Ask them when it will be back.",
    );
  });
});
