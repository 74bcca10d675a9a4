import { type PrescriptionLineValues, WEEKDAYS } from "@/lib/validations/prescriptions";

/** The fields of a line that its wording uses (a saved row or a parsed form line). */
export type WordedLine = Pick<
  PrescriptionLineValues,
  | "medicationName"
  | "strength"
  | "doseForm"
  | "route"
  | "doseAmount"
  | "doseUnit"
  | "frequency"
  | "everyHours"
  | "weekday"
  | "asNeededFor"
  | "durationValue"
  | "durationUnit"
  | "quantity"
  | "quantityUnit"
  | "refills"
>;

/** Units that are counted things, so "2 tablet" reads "2 tablets"; mg, ml and the like stay as written. */
const COUNTED: Record<string, string> = {
  tablet: "tablets",
  capsule: "capsules",
  puff: "puffs",
  drop: "drops",
  sachet: "sachets",
  patch: "patches",
  suppository: "suppositories",
  pessary: "pessaries",
  spray: "sprays",
  lozenge: "lozenges",
  ampoule: "ampoules",
  vial: "vials",
  application: "applications",
  dose: "doses",
  injection: "injections",
  unit: "units",
};

function counted(amount: string, unit: string): string {
  const plural = COUNTED[unit.toLowerCase()];
  return `${amount} ${plural && Number(amount) > 1 ? plural : unit}`;
}

const ONES = ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten"]
  .concat(["eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen"])
  .concat(["eighteen", "nineteen"]);
const TENS = ["", "", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"];

/** A whole number from 0 to 9,999 in words ("one hundred and twenty"): quantities are written twice on paper. */
export function numberInWords(value: number): string {
  if (!Number.isInteger(value) || value < 0 || value > 9999) return String(value);
  if (value < 20) return ONES[value] as string;
  if (value < 100) {
    const rest = value % 10;
    return `${TENS[Math.floor(value / 10)]}${rest ? `-${ONES[rest]}` : ""}`;
  }
  const [big, size, unit] = value < 1000 ? [100, "hundred", 100] : [1000, "thousand", 1000];
  const head = `${numberInWords(Math.floor(value / big))} ${size}`;
  const rest = value % unit;
  if (rest === 0) return head;
  return `${head}${rest < 100 ? " and " : " "}${numberInWords(rest)}`;
}

function frequencyPhrase(line: WordedLine): string {
  switch (line.frequency) {
    case "ONCE_DAILY":
      return "once a day";
    case "TWICE_DAILY":
      return "twice a day";
    case "THREE_TIMES_DAILY":
      return "three times a day";
    case "FOUR_TIMES_DAILY":
      return "four times a day";
    case "EVERY_N_HOURS":
      return line.everyHours === 1 ? "every hour" : `every ${line.everyHours} hours`;
    case "AT_NIGHT":
      return "at night";
    case "ONCE_WEEKLY":
      return `once a week on ${WEEKDAYS[line.weekday ?? 0]}s`;
    case "EVERY_OTHER_DAY":
      return "every other day";
    case "SINGLE_DOSE":
      return "as a single dose";
    case "AS_NEEDED":
      return `when needed for ${line.asNeededFor}`;
  }
}

const DURATION_WORDS = { DAY: ["day", "days"], WEEK: ["week", "weeks"], MONTH: ["month", "months"] };

/** "7 days", "1 month"; null without a duration. */
export function durationPhrase(line: Pick<WordedLine, "durationValue" | "durationUnit">): string | null {
  if (line.durationValue == null || line.durationUnit == null) return null;
  const [one, many] = DURATION_WORDS[line.durationUnit];
  return `${line.durationValue} ${line.durationValue === 1 ? one : many}`;
}

/** "Amoxicillin 500 mg capsule": what is dispensed. */
export function medicationTitle(line: WordedLine): string {
  return [line.medicationName, line.strength, line.doseForm].filter(Boolean).join(" ");
}

/**
 * The directions as a patient reads them: "Take 1 capsule by mouth three times a day for 7 days",
 * "Use 2 puffs inhaled every 4 hours, when needed for wheeze", "Take 1 tablet once a week on Mondays".
 */
export function directionsOf(line: WordedLine): string {
  const oral = !line.route || /mouth|oral/i.test(line.route);
  const parts = [oral ? "Take" : "Use", counted(line.doseAmount, line.doseUnit)];
  if (line.route) parts.push(line.route);
  parts.push(frequencyPhrase(line));
  let directions = parts.join(" ");
  if (line.asNeededFor && line.frequency !== "AS_NEEDED")
    directions += `, when needed for ${line.asNeededFor}`;
  const duration = durationPhrase(line);
  if (duration) directions += ` for ${duration}`;
  return directions;
}

/** "Supply: 21 (twenty-one) capsules · No refills": the amount in figures and words. */
export function supplyOf(line: WordedLine): string {
  const amount = Number(line.quantity);
  const words = Number.isInteger(amount) ? ` (${numberInWords(amount)})` : "";
  const refills =
    line.refills === 0 ? "No refills" : line.refills === 1 ? "1 refill" : `${line.refills} refills`;
  return `Supply: ${line.quantity}${words} ${line.quantityUnit} · ${refills}`;
}
