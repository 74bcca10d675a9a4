import { describe, expect, it } from "vitest";
import { markVitalsEnteredInErrorSchema, recordVitalsSchema } from "./vitals";

const PATIENT = "00000000-0000-4000-8000-000000000004";

/** The field messages of a refused set, by field ("form" for the whole set). */
function messagesOf(input: Record<string, unknown>): Record<string, string> {
  const parsed = recordVitalsSchema.safeParse({ patientId: PATIENT, ...input });
  if (parsed.success) return {};
  return Object.fromEntries(
    parsed.error.issues.map((issue) => [issue.path.join(".") || "form", issue.message]),
  );
}

describe("a set of vitals", () => {
  it("keeps each value as typed, with its unit; blanks are not measured", () => {
    const parsed = recordVitalsSchema.parse({
      patientId: PATIENT,
      visitId: "",
      heightValue: "70.5",
      heightUnit: "[in_i]",
      weightValue: "154",
      weightUnit: "[lb_av]",
      temperatureValue: "38,2",
      temperatureUnit: "Cel",
      heartRate: " 72 ",
      systolic: 120,
      diastolic: "80",
      spo2: "",
      painScore: "0",
    });
    expect(parsed).toMatchObject({
      heightValue: 70.5,
      heightUnit: "[in_i]",
      weightValue: 154,
      temperatureValue: 38.2,
      heartRate: 72,
      systolic: 120,
      diastolic: 80,
      spo2: null,
      painScore: 0,
      respiratoryRate: null,
      visitId: null,
      takenAt: null,
    });
  });

  it("accepts a very premature newborn's measurements", () => {
    expect(
      messagesOf({
        heightValue: "25",
        heightUnit: "cm",
        weightValue: "0.45",
        weightUnit: "kg",
        heartRate: "180",
        respiratoryRate: "60",
        systolic: "45",
        diastolic: "25",
        temperatureValue: "36.1",
        temperatureUnit: "Cel",
      }),
    ).toEqual({});
  });

  it.each([
    [{ spo2: "140" }, "spo2", "Oxygen saturation cannot be above 100 %."],
    [{ spo2: "30" }, "spo2", "Oxygen saturation cannot be below 50 %."],
    [{ heartRate: "400" }, "heartRate", "Heart rate cannot be above 300/min."],
    [{ heartRate: "10" }, "heartRate", "Heart rate cannot be below 20/min."],
    [{ heartRate: "72.5" }, "heartRate", "Give the heart rate as a whole number."],
    [{ respiratoryRate: "2" }, "respiratoryRate", "Breathing rate cannot be below 4/min."],
    [{ respiratoryRate: "150" }, "respiratoryRate", "Breathing rate cannot be above 120/min."],
    [{ systolic: "350", diastolic: "80" }, "systolic", "Systolic pressure cannot be above 300 mmHg."],
    [{ systolic: "120", diastolic: "5" }, "diastolic", "Diastolic pressure cannot be below 10 mmHg."],
    [{ systolic: "80", diastolic: "120" }, "diastolic", "The diastolic pressure must be below the systolic."],
    [
      { systolic: "120", diastolic: "120" },
      "diastolic",
      "The diastolic pressure must be below the systolic.",
    ],
    [{ systolic: "120" }, "diastolic", "Enter the diastolic pressure too (the lower number)."],
    [{ diastolic: "80" }, "systolic", "Enter the systolic pressure too (the upper number)."],
    [{ heightValue: "300", heightUnit: "cm" }, "heightValue", "Height cannot be above 272 cm."],
    [{ heightValue: "10", heightUnit: "cm" }, "heightValue", "Height cannot be below 20 cm."],
    [{ heightValue: "120", heightUnit: "[in_i]" }, "heightValue", "Height cannot be above 107.1 in."],
    [{ heightValue: "177.555", heightUnit: "cm" }, "heightValue", "Give the height with at most 2 decimals."],
    [{ weightValue: "700", weightUnit: "kg" }, "weightValue", "Weight cannot be above 650 kg."],
    [{ weightValue: "0.2", weightUnit: "kg" }, "weightValue", "Weight cannot be below 0.3 kg."],
    [{ weightValue: "1500", weightUnit: "[lb_av]" }, "weightValue", "Weight cannot be above 1433 lb."],
    [
      { temperatureValue: "50", temperatureUnit: "Cel" },
      "temperatureValue",
      "Temperature cannot be above 45 °C.",
    ],
    [
      { temperatureValue: "20", temperatureUnit: "Cel" },
      "temperatureValue",
      "Temperature cannot be below 25 °C.",
    ],
    // 38 °C typed with °F still chosen: a slip, refused in the unit the person sees.
    [
      { temperatureValue: "38", temperatureUnit: "[degF]" },
      "temperatureValue",
      "Temperature cannot be below 77 °F.",
    ],
    [
      { temperatureValue: "37.25", temperatureUnit: "Cel" },
      "temperatureValue",
      "Give the temperature with at most 1 decimal.",
    ],
    [{ temperatureValue: "37" }, "temperatureUnit", "Choose the unit of the temperature."],
    [
      { temperatureValue: "37", temperatureUnit: "K" },
      "temperatureUnit",
      "Choose °C or °F for the temperature.",
    ],
    [{ painScore: "11" }, "painScore", "Pain score is a whole number from 0 to 10."],
    [{ painScore: "2.5" }, "painScore", "Pain score is a whole number from 0 to 10."],
    [{ spo2: "ninety" }, "spo2", "Enter a number, e.g. 98."],
    [{ heartRate: "-5" }, "heartRate", "Enter a number, e.g. 72."],
    [{ heartRate: Number.NaN }, "heartRate", "Enter a number, e.g. 72."],
    [{}, "form", "Enter at least one measurement."],
    [{ spo2: "", heartRate: "  " }, "form", "Enter at least one measurement."],
    [
      { heartRate: "72", takenAt: "2999-01-01T00:00:00Z" },
      "takenAt",
      "The time the vitals were taken cannot be in the future.",
    ],
  ])("refuses %j with a message on %s", (input, field, message) => {
    expect(messagesOf(input)).toEqual({ [field]: message });
  });

  it("asks for a reason to mark a set entered in error", () => {
    const parsed = markVitalsEnteredInErrorSchema.safeParse({ vitalsId: PATIENT, reason: " " });
    expect(parsed.success ? [] : parsed.error.issues.map((issue) => issue.message)).toEqual([
      "Say why these vitals are wrong, e.g. recorded on the wrong patient.",
    ]);
  });
});
