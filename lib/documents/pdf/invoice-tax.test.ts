import { describe, expect, it } from "vitest";
import { exemptText, type TaxedLine, taxBands, taxColumnOf } from "./invoice-tax";

const line = (fields: Partial<TaxedLine>): TaxedLine => ({
  taxTreatment: "EXEMPT",
  taxRateBp: null,
  exemptReason: "Medical care",
  netMinor: 1000,
  taxMinor: 0,
  ...fields,
});

describe("an invoice's tax columns and summary", () => {
  it("says zero-rated and exempt apart, each exemption with its reason, once", () => {
    expect(taxColumnOf(line({ taxTreatment: "ZERO_RATED", exemptReason: null }))).toBe("Zero-rated");
    expect(taxColumnOf(line({}))).toBe("Exempt");
    expect(taxColumnOf(line({ taxTreatment: "RATED", taxRateBp: 1250 }))).toBe("12.5 %");
    expect(exemptText("Medical care, Art. 132(1)(c)")).toBe("Exempt: Medical care, Art. 132(1)(c)");
    expect(exemptText("Exempt under art. 132(1)(c)")).toBe("Exempt under art. 132(1)(c)");
  });

  it("sums net and tax per rate, highest rate first, then zero-rated, then each exemption", () => {
    expect(
      taxBands([
        line({ exemptReason: "Medical care" }),
        line({ taxTreatment: "RATED", taxRateBp: 500, netMinor: 2000, taxMinor: 100 }),
        line({ taxTreatment: "ZERO_RATED", exemptReason: null, netMinor: 300 }),
        line({ taxTreatment: "RATED", taxRateBp: 2000, netMinor: 4000, taxMinor: 800 }),
        line({ taxTreatment: "RATED", taxRateBp: 2000, netMinor: 1001, taxMinor: 200 }),
        line({ exemptReason: "Dental care", netMinor: 50 }),
        line({ exemptReason: "Medical care", netMinor: 500 }),
      ]),
    ).toEqual([
      { label: "Tax at 20 %", netMinor: 5001, taxMinor: 1000 },
      { label: "Tax at 5 %", netMinor: 2000, taxMinor: 100 },
      { label: "Zero-rated (0 %)", netMinor: 300, taxMinor: 0 },
      { label: "Exempt: Dental care", netMinor: 50, taxMinor: 0 },
      { label: "Exempt: Medical care", netMinor: 1500, taxMinor: 0 },
    ]);
  });
});
