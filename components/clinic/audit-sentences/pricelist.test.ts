import { describe, expect, it } from "vitest";
import type { AuditNames } from "@/lib/clinic/audit";
import { describeAuditEvent } from "../audit-details";

const MIA = "00000000-0000-4000-8000-000000000003";
const names: AuditNames = {
  staff: new Map([[MIA, "Mia Manager"]]),
  patients: new Map(),
  locations: new Map(),
  appointments: new Map(),
};

const sentence = (action: string, details: Record<string, string | number>) =>
  describeAuditEvent(
    {
      action,
      actorId: MIA,
      actorEmail: "mia@maple.test",
      targetType: "billable-item",
      targetId: null,
      details,
    },
    names,
    "UTC",
  );

describe("the price list in the audit log", () => {
  it("words a price change with the old and new amounts in the clinic's currency", () => {
    expect(
      sentence("price-item.changed", {
        code: "DRESS",
        name: "Wound dressing",
        changed: "priceMinor",
        currency: "EUR",
        fromPriceMinor: 1500,
        toPriceMinor: 1725,
      }),
    ).toBe("Mia Manager changed Wound dressing (DRESS) on the price list: price €15.00 → €17.25.");
  });

  it("words a new appointment type and a moved default", () => {
    expect(
      sentence("appointment-type.added", {
        name: "Long visit",
        durationMinutes: 40,
        priceMinor: 8000,
        currency: "GBP",
      }),
    ).toBe("Mia Manager added appointment type Long visit (40 min, £80.00).");
    expect(sentence("appointment-type.default-set", { name: "Long visit" })).toBe(
      "Mia Manager made Long visit the default appointment type.",
    );
  });
});
