import { describe, expect, it } from "vitest";
import { ageBandOn, flagOf, flagVitals } from "./vital-flags";

const at = new Date("2026-11-30T10:00:00Z");
const born = (date: string) => new Date(`${date}T00:00:00Z`);

describe("age bands", () => {
  it.each([
    ["2026-11-20", "newborn"],
    ["2026-11-03", "newborn"],
    ["2026-11-02", "infant"],
    ["2025-12-01", "infant"],
    ["2025-11-30", "child"],
    ["2014-12-01", "child"],
    ["2014-11-30", "adolescent"],
    ["2008-12-01", "adolescent"],
    ["2008-11-30", "adult"],
    ["1950-01-01", "adult"],
  ])("someone born %s is a %s on 30 Nov 2026", (date, band) => {
    expect(ageBandOn(born(date), at)).toBe(band);
  });
});

describe("abnormal flags by age", () => {
  it("does not flag a newborn's heart rate of 140 or breathing rate of 45, which are high in an adult", () => {
    expect(flagOf("newborn", "heartRate", 140)).toBeNull();
    expect(flagOf("newborn", "respiratoryRate", 45)).toBeNull();
    expect(flagOf("adult", "heartRate", 140)).toBe("HIGH");
    expect(flagOf("adult", "respiratoryRate", 45)).toBe("HIGH");
  });

  it("flags a heart rate of 80 as low in a newborn, normal in an adult", () => {
    expect(flagOf("newborn", "heartRate", 80)).toBe("LOW");
    expect(flagOf("adult", "heartRate", 80)).toBeNull();
  });

  it("never applies adult blood pressure ranges under 18", () => {
    expect(flagOf("child", "systolic", 85)).toBeNull();
    expect(flagOf("adult", "systolic", 85)).toBe("LOW");
    expect(flagOf("adolescent", "systolic", 135)).toBe("HIGH");
    expect(flagOf("adult", "systolic", 135)).toBeNull();
  });

  it("flags BMI for adults only (children need growth charts)", () => {
    for (const band of ["newborn", "infant", "child", "adolescent"] as const) {
      expect(flagOf(band, "bmi", 14)).toBeNull();
      expect(flagOf(band, "bmi", 35)).toBeNull();
    }
    expect(flagOf("adult", "bmi", 17)).toBe("LOW");
    expect(flagOf("adult", "bmi", 31)).toBe("HIGH");
    expect(flagOf("adult", "bmi", 22)).toBeNull();
  });

  it("flags fever and low oxygen at every age, and nothing that was not measured", () => {
    for (const band of ["newborn", "infant", "child", "adolescent", "adult"] as const) {
      expect(flagOf(band, "temperatureC", 38.5)).toBe("HIGH");
      expect(flagOf(band, "spo2", 88)).toBe("LOW");
      expect(flagOf(band, "spo2", null)).toBeNull();
    }
    expect(flagOf("newborn", "temperatureC", 36.2)).toBe("LOW");
    expect(flagOf("adult", "temperatureC", 36.2)).toBeNull();
  });

  it("flags a whole set", () => {
    expect(flagVitals("adult", { heartRate: 120, spo2: 97, temperatureC: 38.2, systolic: null })).toEqual({
      heartRate: "HIGH",
      temperatureC: "HIGH",
    });
    expect(flagVitals("infant", { heartRate: 120, respiratoryRate: 40 })).toEqual({});
  });
});
