import { describe, expect, it } from "vitest";
import { displayVitals } from "./vital-display";
import type { VitalsHistoryRow } from "./vitals-queries";

const takenAt = new Date("2026-11-30T10:00:00Z");

/** A stored row as Prisma returns it; decimals read back with the column's scale ("177.00"). */
function row(values: Partial<Record<keyof VitalsHistoryRow, unknown>>): VitalsHistoryRow {
  return {
    id: "00000000-0000-4000-8000-000000000001",
    visitId: null,
    takenAt,
    heightValue: null,
    heightUnit: null,
    heightCm: null,
    weightValue: null,
    weightUnit: null,
    weightKg: null,
    bmi: null,
    temperatureValue: null,
    temperatureUnit: null,
    temperatureC: null,
    heartRate: null,
    respiratoryRate: null,
    systolic: null,
    diastolic: null,
    spo2: null,
    painScore: null,
    enteredInErrorAt: null,
    enteredInErrorReason: null,
    ...values,
  } as VitalsHistoryRow;
}

describe("a set of vitals as the table shows it", () => {
  it("shows each value as entered with its unit", () => {
    const shown = displayVitals(
      row({
        heightValue: "70.50",
        heightUnit: "[in_i]",
        heightCm: 179.07,
        weightValue: "154.000",
        weightUnit: "[lb_av]",
        weightKg: 69.853,
        bmi: "21.8",
        temperatureValue: "38.0",
        temperatureUnit: "Cel",
        temperatureC: 38,
        systolic: 120,
        diastolic: 80,
        spo2: 98,
        painScore: 2,
      }),
      new Date("1980-05-05T00:00:00Z"),
    );
    expect(shown.band).toBe("adult");
    expect(shown.cells).toEqual({
      height: { text: "70.5 in", flag: null },
      weight: { text: "154 lb", flag: null },
      bmi: { text: "21.8 kg/m²", flag: null },
      temperature: { text: "38 °C", flag: "HIGH" },
      bloodPressure: { text: "120/80 mmHg", flag: null },
      spo2: { text: "98 %", flag: null },
      painScore: { text: "2/10", flag: null },
    });
  });

  it("flags by the patient's age when the set was taken", () => {
    const fast = row({ heartRate: 150, respiratoryRate: 45 });
    const baby = displayVitals(fast, new Date("2026-11-20T00:00:00Z"));
    expect(baby.band).toBe("newborn");
    expect(baby.cells.heartRate).toEqual({ text: "150 /min", flag: null });
    expect(baby.cells.respiratoryRate?.flag).toBeNull();
    const adult = displayVitals(fast, new Date("1970-01-01T00:00:00Z"));
    expect(adult.cells.heartRate?.flag).toBe("HIGH");
    expect(adult.cells.respiratoryRate?.flag).toBe("HIGH");
  });

  it("flags blood pressure high when either number is high", () => {
    const shown = displayVitals(row({ systolic: 150, diastolic: 70 }), new Date("1970-01-01T00:00:00Z"));
    expect(shown.cells.bloodPressure).toEqual({ text: "150/70 mmHg", flag: "HIGH" });
  });

  it("says a set was entered in error, with the reason", () => {
    const shown = displayVitals(
      row({ spo2: 97, enteredInErrorAt: takenAt, enteredInErrorReason: "Wrong patient" }),
      new Date("1970-01-01T00:00:00Z"),
    );
    expect(shown.enteredInError).toEqual({ reason: "Wrong patient" });
  });
});
