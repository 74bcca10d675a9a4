import { describe, expect, it } from "vitest";
import { isoDayPlus, writeReferralLetterSchema, writeSickNoteSchema } from "@/lib/validations/letters";
import { historyText, type LetterParties, referralLetterText, sickNoteText } from "./templates";

const parties: LetterParties = {
  patientName: "Zoë Ångström-Núñez",
  dateOfBirth: "1984-03-07",
  visitDate: "2026-11-30",
  doctorName: "Dr Amara Okafor",
  dateOrder: "DMY",
};

describe("the sick note's wording", () => {
  it("names the patient, the visit and the days unfit in the clinic's date order, with the condition", () => {
    const text = sickNoteText(parties, {
      unfitFrom: "2026-11-30",
      unfitTo: "2026-12-06",
      condition: "acute bronchitis",
      remarks: "may return on light duties",
    });

    expect(text).toBe(
      [
        "To whom it may concern,",
        "I saw Zoë Ångström-Núñez, born 07/03/1984, on 30/11/2026.",
        "In my opinion Zoë Ångström-Núñez is not fit for work from 30/11/2026 to 06/12/2026 inclusive (7 days) because of acute bronchitis.",
        "May return on light duties.",
        "Dr Amara Okafor",
      ].join("\n\n"),
    );
  });

  it("leaves the condition out when none is given, and writes month-first dates for a month-first clinic", () => {
    const text = sickNoteText(
      { ...parties, dateOrder: "MDY" },
      { unfitFrom: "2026-12-01", unfitTo: "2026-12-03", condition: "  ", remarks: null },
    );

    expect(text).toContain("not fit for work from 12/01/2026 to 12/03/2026 inclusive (3 days).");
    expect(text).toContain("born 03/07/1984, on 11/30/2026.");
    expect(text).not.toContain("because of");
  });

  it("says a single day as one day, and year-first dates for a year-first clinic", () => {
    const text = sickNoteText(
      { ...parties, dateOrder: "YMD" },
      { unfitFrom: "2026-11-30", unfitTo: "2026-11-30" },
    );

    expect(text).toContain("is not fit for work on 2026-11-30 (1 day).");
  });
});

describe("the referral letter's wording", () => {
  it("greets the recipient, says who and how urgent, the reason and history, and signs off with the doctor", () => {
    const text = referralLetterText(parties, {
      recipient: "Dr Lee, Cardiology",
      urgency: "URGENT",
      reason: "Chest pain on exertion for two weeks.",
      history: "Active problems:\n- Essential hypertension (I10)",
    });

    expect(text.startsWith("Dear Dr Lee, Cardiology,\n\nRe: Zoë Ångström-Núñez, born 07/03/1984")).toBe(true);
    expect(text).toContain(
      "I would be grateful if you would see Zoë Ångström-Núñez, whom I saw on 30/11/2026. This is an urgent referral",
    );
    expect(text).toContain("Reason for referral:\nChest pain on exertion for two weeks.");
    expect(text).toContain("Relevant history:\nActive problems:\n- Essential hypertension (I10)");
    expect(text.endsWith("Yours sincerely,\n\nDr Amara Okafor")).toBe(true);
  });

  it("offers the active problems, current medicines and allergies as the relevant history", () => {
    expect(
      historyText({
        problems: [{ title: "Asthma", code: "J45.909", onset: "2019" }],
        medications: ["Salbutamol 100 micrograms inhaler: Use 2 puffs inhaled every 4 hours"],
        allergies: [{ substance: "Penicillin", severity: "SEVERE" }],
        allergyState: "listed",
      }),
    ).toBe(
      [
        "Active problems:\n- Asthma (J45.909), since 2019",
        "Current medications:\n- Salbutamol 100 micrograms inhaler: Use 2 puffs inhaled every 4 hours",
        "Allergies:\n- Penicillin (severe)",
      ].join("\n\n"),
    );
    expect(historyText({ problems: [], medications: [], allergies: [], allergyState: "none-known" })).toBe(
      "Active problems:\nNone recorded.\n\nCurrent medications:\nNone recorded.\n\nAllergies:\nNo known allergies.",
    );
  });
});

const ids = { patientId: crypto.randomUUID(), visitId: crypto.randomUUID() };
const today = new Date().toISOString().slice(0, 10);
const sickNote = { ...ids, unfitFrom: today, unfitTo: today, body: "Not fit for work today, in my opinion." };
const messagesOf = (result: {
  success: boolean;
  error?: { issues: { path: PropertyKey[]; message: string }[] };
}) => Object.fromEntries((result.error?.issues ?? []).map((issue) => [issue.path.join("."), issue.message]));

describe("the sick note's field messages", () => {
  it("refuses a last day before the first", () => {
    expect(
      messagesOf(writeSickNoteSchema.safeParse({ ...sickNote, unfitTo: isoDayPlus(today, -1) })),
    ).toEqual({
      unfitTo: "The last day unfit is before the first: check both dates.",
    });
  });

  it("refuses more than 90 days and asks for a new note after a review", () => {
    expect(
      messagesOf(writeSickNoteSchema.safeParse({ ...sickNote, unfitTo: isoDayPlus(today, 90) })),
    ).toEqual({
      unfitTo: "A sick note covers at most 90 days: write a new note after a review.",
    });
    expect(writeSickNoteSchema.safeParse({ ...sickNote, unfitTo: isoDayPlus(today, 89) }).success).toBe(true);
  });

  it("refuses a first day more than 30 days back", () => {
    const from = isoDayPlus(today, -40);
    expect(messagesOf(writeSickNoteSchema.safeParse({ ...sickNote, unfitFrom: from }))).toEqual({
      unfitFrom: "A sick note can start at most 30 days before today: write what you saw from today.",
    });
  });

  it("asks for real dates and the text", () => {
    expect(
      messagesOf(
        writeSickNoteSchema.safeParse({ ...sickNote, unfitFrom: "31/02/2026", unfitTo: "", body: "" }),
      ),
    ).toMatchObject({
      unfitFrom: "Enter the first day unfit for work as a date, with a 4-digit year.",
      unfitTo: "Enter the last day unfit for work as a date, with a 4-digit year.",
      body: expect.stringContaining("Write the sick note's text"),
    });
  });
});

describe("the referral letter's field messages", () => {
  it("asks to whom, why and how urgent", () => {
    expect(
      messagesOf(
        writeReferralLetterSchema.safeParse({
          ...ids,
          recipient: " ",
          reason: "",
          history: "",
          body: "x".repeat(30),
        }),
      ),
    ).toEqual({
      recipient: "Write to whom: a colleague's name or a service, e.g. Cardiology clinic, City Hospital.",
      urgency: "Choose how urgent the referral is.",
      reason: "Write the reason for the referral, e.g. chest pain on exertion.",
    });
  });
});
