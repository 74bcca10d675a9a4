import { describe, expect, it } from "vitest";
import {
  computeBmi,
  defaultVitalUnits,
  formatEntered,
  fromCelsius,
  fromCentimetres,
  fromKilograms,
  toCelsius,
  toCentimetres,
  toKilograms,
  withUnit,
} from "./vital-units";

describe("vitals units", () => {
  it("converts to the canonical units with the exact factors", () => {
    expect(toCentimetres(1, "[in_i]")).toBe(2.54);
    expect(toCentimetres(70.5, "[in_i]")).toBeCloseTo(179.07, 10);
    expect(toKilograms(1, "[lb_av]")).toBe(0.45359237);
    expect(toKilograms(154, "[lb_av]")).toBeCloseTo(69.85322498, 8);
    expect(toCelsius(98.6, "[degF]")).toBeCloseTo(37, 10);
    expect(toCelsius(32, "[degF]")).toBe(0);
    expect(toCentimetres(177, "cm")).toBe(177);
    expect(toKilograms(70.5, "kg")).toBe(70.5);
    expect(toCelsius(38, "Cel")).toBe(38);
  });

  it("converts back for charts in the clinic's units", () => {
    expect(fromCentimetres(toCentimetres(70.5, "[in_i]"), "[in_i]")).toBeCloseTo(70.5, 10);
    expect(fromKilograms(toKilograms(154, "[lb_av]"), "[lb_av]")).toBeCloseTo(154, 10);
    expect(fromCelsius(38, "[degF]")).toBeCloseTo(100.4, 10);
  });

  it("shows a stored value as it was entered, whatever the column's scale", () => {
    expect(formatEntered("177.00")).toBe("177");
    expect(formatEntered("70.50")).toBe("70.5");
    expect(formatEntered("154.000")).toBe("154");
    expect(formatEntered("38.0")).toBe("38");
    expect(formatEntered(120)).toBe("120");
    expect(withUnit("177.00", "cm")).toBe("177 cm");
    expect(withUnit("154.000", "[lb_av]")).toBe("154 lb");
    expect(withUnit("38.0", "Cel")).toBe("38 °C");
    expect(withUnit("70.50", "[in_i]")).toBe("70.5 in");
    expect(withUnit(22.5, "kg/m2")).toBe("22.5 kg/m²");
  });

  it("computes BMI to 1 decimal", () => {
    expect(computeBmi(70, 175)).toBe(22.9);
    expect(computeBmi(toKilograms(154, "[lb_av]"), toCentimetres(70.5, "[in_i]"))).toBe(21.8);
    expect(computeBmi(3.4, 50)).toBe(13.6);
  });

  it("starts forms in the clinic's unit system", () => {
    expect(defaultVitalUnits("METRIC")).toEqual({ height: "cm", weight: "kg", temperature: "Cel" });
    expect(defaultVitalUnits("US")).toEqual({ height: "[in_i]", weight: "[lb_av]", temperature: "[degF]" });
  });
});
