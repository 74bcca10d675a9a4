import { describe, expect, it } from "vitest";
import { AMOXICILLIN_CAPSULES } from "@/lib/testing/sample-lines";
import { prescriptionLineSchema } from "@/lib/validations/prescriptions";
import { directionsOf, durationPhrase, medicationTitle, numberInWords, supplyOf } from "./line-wording";

/** The capsule line taken once a day with no set course or instructions, changed as each test needs. */
const line = (fields: Record<string, unknown>) =>
  prescriptionLineSchema.parse({
    ...AMOXICILLIN_CAPSULES,
    frequency: "ONCE_DAILY",
    durationValue: null,
    durationUnit: null,
    instructions: null,
    ...fields,
  });

describe("a line's wording", () => {
  it("writes a weekly dose on its weekday", () => {
    const weekly = line({ medicationName: "Methotrexate", strength: "2.5 mg", doseForm: "tablet" });
    const values = {
      ...weekly,
      frequency: "ONCE_WEEKLY" as const,
      weekday: 1,
      doseUnit: "tablet",
      doseAmount: "4",
    };
    expect(directionsOf(values)).toBe("Take 4 tablets by mouth once a week on Mondays");
  });

  it("writes every other day and every N hours", () => {
    expect(directionsOf(line({ frequency: "EVERY_OTHER_DAY", durationValue: 10, durationUnit: "DAY" }))).toBe(
      "Take 1 capsule by mouth every other day for 10 days",
    );
    expect(directionsOf(line({ frequency: "EVERY_N_HOURS", everyHours: 8 }))).toBe(
      "Take 1 capsule by mouth every 8 hours",
    );
    expect(directionsOf(line({ frequency: "EVERY_N_HOURS", everyHours: 1 }))).toBe(
      "Take 1 capsule by mouth every hour",
    );
  });

  it("writes as needed with what for, and uses 'Use' for routes other than by mouth", () => {
    expect(
      directionsOf(
        line({
          route: "inhaled",
          doseAmount: "2",
          doseUnit: "puff",
          frequency: "AS_NEEDED",
          asNeededFor: "wheeze",
        }),
      ),
    ).toBe("Use 2 puffs inhaled when needed for wheeze");
  });

  it("makes counted units plural and leaves measures as written", () => {
    expect(directionsOf(line({ doseAmount: "2", doseUnit: "tablet", frequency: "TWICE_DAILY" }))).toBe(
      "Take 2 tablets by mouth twice a day",
    );
    expect(directionsOf(line({ doseAmount: "5", doseUnit: "ml", route: null }))).toBe("Take 5 ml once a day");
    expect(durationPhrase({ durationValue: 1, durationUnit: "MONTH" })).toBe("1 month");
    expect(durationPhrase({ durationValue: 2, durationUnit: "WEEK" })).toBe("2 weeks");
  });

  it("titles the medicine and writes the supply in figures and words", () => {
    const amoxicillin = line({ refills: 2 });
    expect(medicationTitle(amoxicillin)).toBe("Amoxicillin 500 mg capsule");
    expect(supplyOf(amoxicillin)).toBe("Supply: 21 (twenty-one) capsules · 2 refills");
    expect(supplyOf(line({ quantity: "0.5", quantityUnit: "bottle", refills: 1 }))).toBe(
      "Supply: 0.5 bottle · 1 refill",
    );
  });

  it("writes numbers in words", () => {
    expect(numberInWords(0)).toBe("zero");
    expect(numberInWords(14)).toBe("fourteen");
    expect(numberInWords(40)).toBe("forty");
    expect(numberInWords(120)).toBe("one hundred and twenty");
    expect(numberInWords(1005)).toBe("one thousand and five");
    expect(numberInWords(2340)).toBe("two thousand three hundred and forty");
  });
});
