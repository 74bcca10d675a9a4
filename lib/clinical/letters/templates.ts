import { type DateOrder, formatClinicDate } from "@/lib/clinic/clock-input";
import { daysCovered, type ReferralUrgency } from "@/lib/validations/letters";

/** Who a letter is about and from, as the templates name them (dates as YYYY-MM-DD). */
export type LetterParties = {
  patientName: string;
  dateOfBirth: string;
  /** The visit's day on the clinic's calendar. */
  visitDate: string;
  doctorName: string;
  dateOrder: DateOrder;
};

/** What a sick note's template fills in; blank dates leave a gap the doctor sees. */
export type SickNoteFields = {
  unfitFrom: string;
  unfitTo: string;
  condition?: string | null;
  remarks?: string | null;
};

const plural = (count: number, one: string) => `${count} ${one}${count === 1 ? "" : "s"}`;

/** A finished sentence from what the doctor typed: "may return on light duties" → "May return on light duties." */
function sentenceOf(text: string): string {
  const trimmed = text.trim();
  const capital = trimmed.charAt(0).toUpperCase() + trimmed.slice(1);
  return /[.!?]$/.test(capital) ? capital : `${capital}.`;
}

/**
 * A sick note's default wording: who was seen and when, the days unfit in the clinic's date order,
 * the condition only when given (some patients prefer it not shown), the remarks, the doctor.
 */
export function sickNoteText(parties: LetterParties, fields: SickNoteFields): string {
  const date = (iso: string) => (iso ? formatClinicDate(iso, parties.dateOrder) : "…");
  const { unfitFrom, unfitTo } = fields;
  const known = /^\d{4}-\d{2}-\d{2}$/.test(unfitFrom) && /^\d{4}-\d{2}-\d{2}$/.test(unfitTo);
  const days = known && unfitTo >= unfitFrom ? daysCovered(unfitFrom, unfitTo) : null;
  const span =
    days === 1
      ? `on ${date(unfitFrom)} (1 day)`
      : `from ${date(unfitFrom)} to ${date(unfitTo)} inclusive${days ? ` (${plural(days, "day")})` : ""}`;
  const condition = fields.condition?.trim() ? ` because of ${fields.condition.trim()}` : "";
  const paragraphs = [
    "To whom it may concern,",
    `I saw ${parties.patientName}, born ${date(parties.dateOfBirth)}, on ${date(parties.visitDate)}.`,
    `In my opinion ${parties.patientName} is not fit for work ${span}${condition}.`,
  ];
  if (fields.remarks?.trim()) paragraphs.push(sentenceOf(fields.remarks));
  paragraphs.push(parties.doctorName);
  return paragraphs.join("\n\n");
}

/** What a referral letter's template fills in. */
export type ReferralFields = {
  recipient: string;
  urgency: ReferralUrgency;
  reason: string;
  history: string;
};

const URGENCY_SENTENCES: Record<ReferralUrgency, string> = {
  ROUTINE: "This is a routine referral.",
  SOON: "I would be grateful if they could be seen soon, within the next two weeks.",
  URGENT: "This is an urgent referral: please see them as soon as possible.",
};

/**
 * A referral letter's default wording: "Dear …", who and why, how urgent, the relevant history
 * (problems, medications and allergies as prefilled), "Yours sincerely" and the doctor.
 */
export function referralLetterText(parties: LetterParties, fields: ReferralFields): string {
  const date = (iso: string) => formatClinicDate(iso, parties.dateOrder);
  const paragraphs = [
    `Dear ${fields.recipient.trim() || "colleague"},`,
    `Re: ${parties.patientName}, born ${date(parties.dateOfBirth)}`,
    `I would be grateful if you would see ${parties.patientName}, whom I saw on ${date(parties.visitDate)}. ${URGENCY_SENTENCES[fields.urgency]}`,
    `Reason for referral:\n${fields.reason.trim() || "…"}`,
  ];
  if (fields.history.trim()) paragraphs.push(`Relevant history:\n${fields.history.trim()}`);
  paragraphs.push(`Yours sincerely,\n\n${parties.doctorName}`);
  return paragraphs.join("\n\n");
}

/** What the patient's record says now, for a referral's "relevant history". */
export type RecordSummary = {
  problems: { title: string; code: string; onset: string | null }[];
  medications: string[];
  allergies: { substance: string; severity: string | null }[];
  /** "none-known" when "no known allergies" is recorded, "not-recorded" when nobody asked yet. */
  allergyState: "listed" | "none-known" | "not-recorded";
};

/** The referral's "relevant history" as first offered: active problems, current medications, allergies. */
export function historyText(summary: RecordSummary): string {
  const list = (items: string[], none: string) => (items.length ? items.map((item) => `- ${item}`) : [none]);
  const problems = summary.problems.map(
    (problem) => `${problem.title} (${problem.code})${problem.onset ? `, since ${problem.onset}` : ""}`,
  );
  const allergies =
    summary.allergyState === "listed"
      ? summary.allergies.map(
          (allergy) =>
            `${allergy.substance}${allergy.severity ? ` (${allergy.severity.toLowerCase()})` : ""}`,
        )
      : [];
  const noAllergies =
    summary.allergyState === "none-known" ? "No known allergies." : "Allergies not recorded.";
  return [
    ["Active problems:", ...list(problems, "None recorded.")].join("\n"),
    ["Current medications:", ...list(summary.medications, "None recorded.")].join("\n"),
    ["Allergies:", ...list(allergies, noAllergies)].join("\n"),
  ].join("\n\n");
}
