import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type ClinicFixture, createClinicFixture } from "@/lib/testing/clinic-fixture";
import { findVitalsChartSeries } from "./vital-trends";

let clinic: ClinicFixture;

beforeAll(async () => {
  clinic = await createClinicFixture({ subdomain: "trends" });
});

afterAll(async () => {
  await clinic?.cleanup();
});

describe("the vitals charts", () => {
  it("draws each measure oldest first in the clinic's units, blood pressure as two lines, without sets entered in error", async () => {
    const patient = await clinic.db.patient.create({
      data: { firstName: "Tara", lastName: "Trend", dateOfBirth: new Date("1980-01-01") },
    });
    const base = { patientId: patient.id, recordedById: clinic.members.NURSE.id };
    await clinic.db.vitalSigns.createMany({
      data: [
        {
          ...base,
          takenAt: new Date("2026-11-01T09:00:00Z"),
          temperatureValue: 38,
          temperatureUnit: "Cel",
          temperatureC: 38,
          systolic: 130,
          diastolic: 85,
        },
        {
          ...base,
          takenAt: new Date("2026-11-20T09:00:00Z"),
          weightValue: 154,
          weightUnit: "[lb_av]",
          weightKg: 154 * 0.45359237,
          systolic: 120,
          diastolic: 80,
        },
        {
          ...base,
          takenAt: new Date("2026-11-25T09:00:00Z"),
          systolic: 200,
          diastolic: 120,
          enteredInErrorAt: new Date(),
          enteredInErrorReason: "Wrong patient",
        },
      ],
    });

    const us = await findVitalsChartSeries({ db: clinic.db, patientId: patient.id, unitSystem: "US" });
    expect(us.map((series) => series.key)).toEqual(["temperature", "bloodPressure", "weight"]);
    expect(us[0]).toMatchObject({ unit: "°F", points: [{ temperature: 100.4 }] });
    expect(us[1]?.lines.map((line) => line.key)).toEqual(["systolic", "diastolic"]);
    expect(us[1]?.points).toEqual([
      { t: Date.parse("2026-11-01T09:00:00Z"), systolic: 130, diastolic: 85 },
      { t: Date.parse("2026-11-20T09:00:00Z"), systolic: 120, diastolic: 80 },
    ]);
    expect(us[2]).toMatchObject({ unit: "lb", points: [{ weight: 154 }] });

    const metric = await findVitalsChartSeries({
      db: clinic.db,
      patientId: patient.id,
      unitSystem: "METRIC",
    });
    expect(metric[0]).toMatchObject({ unit: "°C", points: [{ temperature: 38 }] });
    expect(metric[2]).toMatchObject({ unit: "kg", points: [{ weight: 69.9 }] });
  });
});
