import type { DemoCondition } from "./clinical-texts";

// The demo clinics' vitals: plausible series over months, shaped by age and by the visit's condition.

/** The demo's seeded random numbers. */
export type Random = { next: () => number; pick: <T>(items: readonly T[]) => T };

export type BodyTrend = {
  adult: boolean;
  heightCm: number;
  weightKg: number;
  weightSlope: number;
  systolic: number;
};

/** Where a demo patient's body starts: growth for a child, a weight drift and blood pressure for an adult. */
export function bodyTrendOf(random: Random, age: number): BodyTrend {
  if (age < 18) {
    // Rough growth: 52 cm and 5 kg in the first year, 75 cm and 10 kg at one, then about 6 cm and 2.6 kg a year.
    const heightCm = age < 1 ? 52 : Math.min(172, 75 + (age - 1) * 6);
    const weightKg = age < 1 ? 5 : Math.min(62, 10 + (age - 1) * 2.6);
    return { adult: false, heightCm, weightKg, weightSlope: -0.2, systolic: 96 + age };
  }
  return {
    adult: true,
    heightCm: 155 + Math.round(random.next() * 35),
    weightKg: 58 + Math.round(random.next() * 40),
    // Kilograms per month, looking back: most lose a little weight over the months they are followed.
    weightSlope: random.next() < 0.6 ? 0.3 : -0.15,
    systolic: 118 + Math.round(random.next() * 30),
  };
}

/** One visit's vitals `monthsAgo` along a patient's trend: the row to store and the numbers a note quotes. */
export function vitalsAt(trend: BodyTrend, monthsAgo: number, random: Random, condition: DemoCondition) {
  const weightKg = round(
    Math.max(
      3,
      trend.weightKg + trend.weightSlope * monthsAgo + (random.next() - 0.5) * (trend.adult ? 1.2 : 0.4),
    ),
    1,
  );
  // Treated hypertension comes down over the months.
  const treated = condition.code === "I10" ? Math.min(monthsAgo, 12) * 1.5 : 0;
  const systolic = Math.round(trend.systolic + treated + (random.next() - 0.5) * 8);
  const diastolic = Math.round(systolic * 0.63 + (random.next() - 0.5) * 6);
  const heartRate = Math.round((trend.adult ? 66 : 92) + random.next() * 18);
  const spo2 =
    condition.code === "J45.909" ? 94 + Math.floor(random.next() * 3) : 96 + Math.floor(random.next() * 4);
  const fever = condition.code === "J06.9" || condition.code === "J02.9" || condition.code === "N39.0";
  const temperature = round(fever ? 37.6 + random.next() * 1.2 : 36.4 + random.next() * 0.6, 1);
  const bmi = round(weightKg / (trend.heightCm / 100) ** 2, 1);
  return {
    row: {
      heightValue: trend.heightCm,
      heightUnit: "cm",
      heightCm: trend.heightCm,
      weightValue: weightKg,
      weightUnit: "kg",
      weightKg,
      bmi,
      temperatureValue: temperature,
      temperatureUnit: "Cel",
      temperatureC: temperature,
      heartRate,
      respiratoryRate: trend.adult ? 14 + Math.floor(random.next() * 5) : 22,
      systolic,
      diastolic,
      spo2,
    },
    text: {
      bp: `${systolic}/${diastolic}`,
      bpControl: systolic < 140 ? "controlled" : "not yet at target",
      hr: heartRate,
      weight: weightKg,
      bmi,
      spo2,
      temp: temperature,
    },
  };
}

const round = (value: number, digits: number) => Math.round(value * 10 ** digits) / 10 ** digits;
