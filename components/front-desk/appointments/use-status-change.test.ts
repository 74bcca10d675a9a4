import { describe, expect, it } from "vitest";
import { statusChangedMessage } from "./use-status-change";

describe("what the front desk is told after a status change", () => {
  it("says which step was undone when an appointment goes back to booked", () => {
    expect(statusChangedMessage("Sky Arrow", { status: "BOOKED", from: "CHECKED_IN" })).toBe(
      "Sky Arrow: check-in undone.",
    );
    expect(statusChangedMessage("Sky Arrow", { status: "BOOKED", from: "NO_SHOW" })).toBe(
      "Sky Arrow: no-show undone.",
    );
  });

  it("names the new status otherwise, and adds what stays of the invoice", () => {
    expect(statusChangedMessage("Sky Arrow", { status: "CHECKED_IN", from: "BOOKED" })).toBe(
      "Sky Arrow: checked in.",
    );
    expect(
      statusChangedMessage("Sky Arrow", {
        status: "CANCELLED",
        from: "CHECKED_IN",
        invoiceNotice: "The invoice INV-2026-000001 stays: billing voids it with a credit note if needed.",
      }),
    ).toBe(
      "Sky Arrow: cancelled. The invoice INV-2026-000001 stays: billing voids it with a credit note if needed.",
    );
  });
});
