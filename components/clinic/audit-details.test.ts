import { readdirSync, readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import type { AuditNames } from "@/lib/clinic/audit";
import {
  type AuditEventToDescribe,
  browserOf,
  DESCRIBED_AUDIT_ACTIONS,
  describeAuditDetails,
  describeAuditEvent,
} from "./audit-details";

const RITA = "00000000-0000-4000-8000-000000000001";
const ADA = "00000000-0000-4000-8000-000000000002";
const NINA = "00000000-0000-4000-8000-000000000003";
const BEN = "00000000-0000-4000-8000-000000000004";
const MAIN = "00000000-0000-4000-8000-000000000005";
const VISIT = "00000000-0000-4000-8000-000000000006";

const names: AuditNames = {
  staff: new Map([
    [RITA, "Rita Reception"],
    [ADA, "Dr Ada Adams"],
    [NINA, "Nina Nurse"],
  ]),
  patients: new Map([[BEN, "Ben Adams"]]),
  locations: new Map([[MAIN, "Main clinic"]]),
  appointments: new Map([
    [VISIT, { patientId: BEN, doctorId: ADA, locationId: MAIN, startsAt: new Date("2026-11-30T09:40:00Z") }],
  ]),
};

/** An event by Rita, in London (UTC+0 in November, so 09:40Z reads 09:40) unless told otherwise. */
function sentence(event: Partial<AuditEventToDescribe> & { action: string }, timeZone = "Europe/London") {
  return describeAuditEvent(
    {
      actorId: RITA,
      actorEmail: "rita@maple.test",
      targetType: null,
      targetId: null,
      details: null,
      ...event,
    },
    names,
    timeZone,
  );
}

const onVisit = { targetType: "appointment", targetId: VISIT };
const onNina = { targetType: "staff", targetId: NINA };
const onAda = { targetType: "staff", targetId: ADA };

describe("an audit event as a sentence", () => {
  it.each([
    [
      {
        action: "appointment.booked",
        ...onVisit,
        details: { patientId: BEN, doctorId: ADA, locationId: MAIN, startsAt: "2026-11-30T09:40:00.000Z" },
      },
      "Rita Reception booked Ben Adams with Dr Ada Adams for Mon 30 Nov 09:40.",
    ],
    [
      {
        action: "appointment.booked",
        ...onVisit,
        details: { patientId: BEN, doctorId: ADA, startsAt: "2026-11-30T19:00:00.000Z", outsideHours: true },
      },
      "Rita Reception booked Ben Adams with Dr Ada Adams for Mon 30 Nov 19:00, outside the doctor's working hours.",
    ],
    [
      {
        action: "appointment.rescheduled",
        ...onVisit,
        details: { from: "2026-11-30T09:40:00.000Z", to: "2026-12-01T10:00:00.000Z" },
      },
      "Rita Reception moved Ben Adams's appointment with Dr Ada Adams from Mon 30 Nov 09:40 to Tue 1 Dec 10:00.",
    ],
    [
      { action: "appointment.status-changed", ...onVisit, details: { from: "BOOKED", to: "CHECKED_IN" } },
      "Rita Reception checked in Ben Adams for the appointment with Dr Ada Adams for Mon 30 Nov 09:40.",
    ],
    [
      {
        action: "appointment.status-changed",
        ...onVisit,
        actorId: ADA,
        details: { from: "CHECKED_IN", to: "IN_PROGRESS" },
      },
      "Dr Ada Adams started Ben Adams's visit with Dr Ada Adams, booked for Mon 30 Nov 09:40.",
    ],
    [
      {
        action: "appointment.status-changed",
        ...onVisit,
        actorId: ADA,
        details: { from: "IN_PROGRESS", to: "COMPLETED" },
      },
      "Dr Ada Adams completed Ben Adams's visit with Dr Ada Adams, booked for Mon 30 Nov 09:40.",
    ],
    [
      { action: "appointment.status-changed", ...onVisit, details: { from: "BOOKED", to: "CANCELLED" } },
      "Rita Reception cancelled Ben Adams's appointment with Dr Ada Adams for Mon 30 Nov 09:40.",
    ],
    [
      { action: "appointment.status-changed", ...onVisit, details: { from: "BOOKED", to: "NO_SHOW" } },
      "Rita Reception marked Ben Adams as not having come to the appointment with Dr Ada Adams for Mon 30 Nov 09:40.",
    ],
    [
      { action: "appointment.status-changed", ...onVisit, details: { from: "CHECKED_IN", to: "BOOKED" } },
      "Rita Reception undid the check-in of Ben Adams's appointment with Dr Ada Adams for Mon 30 Nov 09:40.",
    ],
    [
      { action: "appointment.status-changed", ...onVisit, details: { from: "NO_SHOW", to: "BOOKED" } },
      "Rita Reception undid the no-show of Ben Adams's appointment with Dr Ada Adams for Mon 30 Nov 09:40.",
    ],
    [
      { action: "patient.registered", targetType: "patient", targetId: BEN },
      "Rita Reception registered Ben Adams.",
    ],
    [
      {
        action: "patient.registered",
        targetType: "patient",
        targetId: BEN,
        details: { confirmedNotDuplicate: true },
      },
      "Rita Reception registered Ben Adams, after confirming they are not an already registered patient.",
    ],
    [
      {
        action: "patient.updated",
        targetType: "patient",
        targetId: BEN,
        details: { fields: "address,dateOfBirth,phone" },
      },
      "Rita Reception corrected Ben Adams's address, date of birth and phone number.",
    ],
    [
      {
        action: "patients.searched",
        targetType: "patient",
        details: { purpose: "booking", matches: 12, page: 1 },
      },
      "Rita Reception searched for a patient to book an appointment (12 matches).",
    ],
    [
      {
        action: "patients.searched",
        targetType: "patient",
        details: { purpose: "patient-list", matches: 1 },
      },
      "Rita Reception searched the patient list (1 match).",
    ],
    [
      { action: "staff.created", ...onNina, details: { email: "nina@maple.test", role: "NURSE" } },
      "Rita Reception added Nina Nurse (nina@maple.test) as Nurse.",
    ],
    [
      {
        action: "staff.role-changed",
        ...onNina,
        details: { email: "nina@maple.test", from: "NURSE", to: "BILLING" },
      },
      "Rita Reception changed Nina Nurse's role from Nurse to Billing.",
    ],
    [
      { action: "staff.deactivated", ...onNina, details: { email: "nina@maple.test", sessionsEnded: 2 } },
      "Rita Reception deactivated Nina Nurse's account and ended 2 open sessions.",
    ],
    [
      { action: "staff.deactivated", ...onNina, details: { email: "nina@maple.test", sessionsEnded: 0 } },
      "Rita Reception deactivated Nina Nurse's account.",
    ],
    [
      { action: "staff.reactivated", ...onNina, details: { email: "nina@maple.test" } },
      "Rita Reception reactivated Nina Nurse's account.",
    ],
    [
      {
        action: "staff.password-reset",
        ...onNina,
        details: { email: "nina@maple.test", sessionsEnded: 1, expiresAt: "2026-12-01T09:00:00.000Z" },
      },
      "Rita Reception reset Nina Nurse's password: the temporary password works until Tue 1 Dec 09:00, 1 open session ended.",
    ],
    [
      {
        action: "staff.owner-restored",
        actorId: NINA,
        ...onNina,
        details: { fromRole: "NURSE", fromStatus: "DEACTIVATED" },
      },
      "Nina Nurse's owner account was restored by Open clinic from the admin console (it had been Nurse, deactivated).",
    ],
    [
      { action: "doctor.profile-created", ...onAda, details: { defaultSlotMinutes: 20 } },
      "Rita Reception set up Dr Ada Adams's doctor profile (appointments of 20 minutes).",
    ],
    [
      { action: "doctor.profile-updated", ...onAda, details: { defaultSlotMinutes: 15 } },
      "Rita Reception changed Dr Ada Adams's doctor profile (appointments of 15 minutes).",
    ],
    [
      { action: "doctor.hours-set", ...onAda, details: { intervals: 5 } },
      "Rita Reception set Dr Ada Adams's weekly working hours (5 periods a week).",
    ],
    [
      { action: "doctor.hours-set", ...onAda, details: { intervals: 0 } },
      "Rita Reception cleared Dr Ada Adams's weekly working hours.",
    ],
    [
      { action: "doctor.time-off-added", ...onAda, details: { overrideId: VISIT, date: "2026-12-24" } },
      "Rita Reception added time off for Dr Ada Adams on Thu 24 Dec.",
    ],
    [
      { action: "doctor.time-off-removed", ...onAda, details: { overrideId: VISIT, date: "2026-12-24" } },
      "Rita Reception removed Dr Ada Adams's time off on Thu 24 Dec.",
    ],
    [
      { action: "doctor.extra-hours-added", ...onAda, details: { overrideId: VISIT, date: "2026-12-05" } },
      "Rita Reception added extra working hours for Dr Ada Adams on Sat 5 Dec.",
    ],
    [
      { action: "doctor.extra-hours-removed", ...onAda, details: { overrideId: VISIT, date: "2026-12-05" } },
      "Rita Reception removed Dr Ada Adams's extra working hours on Sat 5 Dec.",
    ],
    [
      { action: "location.created", details: { name: "Harbor branch" } },
      "Rita Reception added the location Harbor branch.",
    ],
    [
      { action: "location.updated", details: { name: "Harbour branch", previousName: "Harbor branch" } },
      "Rita Reception renamed the location Harbor branch to Harbour branch.",
    ],
    [
      { action: "location.updated", details: { name: "Main clinic" } },
      "Rita Reception changed the details of the location Main clinic.",
    ],
    [
      { action: "location.deactivated", details: { name: "Main clinic" } },
      "Rita Reception deactivated the location Main clinic.",
    ],
    [
      { action: "location.reactivated", details: { name: "Main clinic" } },
      "Rita Reception reactivated the location Main clinic.",
    ],
    [
      { action: "location.deleted", details: { name: "Old annex" } },
      "Rita Reception deleted the location Old annex.",
    ],
    [
      { action: "clinic-settings.updated", details: { changed: "name, timezone, contactPhone" } },
      "Rita Reception changed the clinic's name, time zone and contact phone.",
    ],
    [{ action: "sign-in.succeeded" }, "Rita Reception signed in."],
    [
      { action: "sign-in.ticket", details: { as: "OWNER" } },
      "Rita Reception signed in from the admin console as Owner.",
    ],
    [
      {
        action: "sign-in.ticket",
        details: {
          as: "OWNER",
          afterPasswordResetBy: "Sam Super",
          passwordResetAt: "2026-11-29T08:00:00.000Z",
        },
      },
      "Rita Reception signed in from the admin console as Owner, the first time since Sam Super (platform administrator) reset their console password on Sun 29 Nov 08:00.",
    ],
    [
      { action: "sign-in.failed" },
      "A sign-in as Rita Reception (rita@maple.test) failed: wrong email or password.",
    ],
    [
      { action: "sign-in.failed", actorId: null, actorEmail: "nobody@example.test" },
      "A sign-in as nobody@example.test failed: wrong email or password.",
    ],
    [
      { action: "sign-in.locked" },
      "Rita Reception (rita@maple.test) was locked after repeated failed sign-ins.",
    ],
    [
      { action: "sign-in.refused-locked" },
      "A sign-in as Rita Reception (rita@maple.test) was refused: the account is locked after repeated failed sign-ins.",
    ],
    [
      { action: "sign-in.refused-address-locked", actorId: null },
      "A sign-in as rita@maple.test was refused: too many failed sign-ins from this address.",
    ],
    [
      { action: "sign-in.refused-disabled" },
      "A sign-in as Rita Reception (rita@maple.test) was refused: the account is deactivated.",
    ],
    [
      { action: "sign-in.refused-expired-password" },
      "A sign-in as Rita Reception (rita@maple.test) was refused: the temporary password had expired.",
    ],
    [{ action: "sign-out" }, "Rita Reception signed out."],
    [{ action: "sign-out.everywhere" }, "Rita Reception signed out on every device."],
    [{ action: "password.changed" }, "Rita Reception changed their password."],
    [
      { action: "password.change-failed", details: { lockedOut: true } },
      "Rita Reception gave a wrong current password when changing their password; the account is locked for now.",
    ],
    [
      { action: "password.change-refused-locked" },
      "Rita Reception could not change their password: the account is locked.",
    ],
    [
      {
        action: "document.printed",
        details: { kind: "RECEIPT", patientId: BEN, copy: true, number: "RCT-2026-000004" },
      },
      "Rita Reception printed a copy of Ben Adams's receipt RCT-2026-000004.",
    ],
    [
      {
        action: "document.printed",
        details: {
          kind: "INVOICE",
          document: "credit note",
          patientId: BEN,
          copy: false,
          number: "CRN-2026-000001",
        },
      },
      "Rita Reception printed Ben Adams's credit note CRN-2026-000001.",
    ],
    [
      {
        action: "document.printed",
        details: {
          kind: "STATEMENT",
          patientId: BEN,
          copy: false,
          number: null,
          from: "2026-11-01",
          to: "2026-11-30",
        },
      },
      "Rita Reception printed Ben Adams's statement for Sun 1 Nov to Mon 30 Nov.",
    ],
    [
      { action: "receipt.printed", details: { patientId: BEN, receiptNumber: "RCT-2026-000004" } },
      "Rita Reception printed Ben Adams's receipt RCT-2026-000004.",
    ],
    [
      { action: "statement.printed", details: { patientId: BEN, from: "2026-11-01", to: "2026-11-30" } },
      "Rita Reception printed Ben Adams's statement for Sun 1 Nov to Mon 30 Nov.",
    ],
  ])("%o reads “%s”", (event, expected) => {
    expect(sentence(event)).toBe(expected);
  });

  it("tells the time on the clinic's clock, not the server's", () => {
    const booked = {
      action: "appointment.booked",
      ...onVisit,
      details: { patientId: BEN, doctorId: ADA, startsAt: "2026-11-30T09:40:00.000Z" },
    };
    expect(sentence(booked, "Asia/Tokyo")).toBe(
      "Rita Reception booked Ben Adams with Dr Ada Adams for Mon 30 Nov 18:40.",
    );
    expect(sentence(booked, "America/New_York")).toBe(
      "Rita Reception booked Ben Adams with Dr Ada Adams for Mon 30 Nov 04:40.",
    );
  });

  it("says who when a name is gone, and never shows an id", () => {
    const gone = "00000000-0000-4000-8000-0000000000ff";
    const text = sentence({
      action: "appointment.booked",
      actorId: gone,
      actorEmail: "old@maple.test",
      targetType: "appointment",
      targetId: gone,
      details: { patientId: gone, doctorId: gone, startsAt: "2026-11-30T09:40:00.000Z" },
    });
    expect(text).toBe("old@maple.test booked a patient with a doctor for Mon 30 Nov 09:40.");
    expect(text).not.toContain(gone);
  });

  it("reads an action it has no sentence for as words, with its details", () => {
    expect(sentence({ action: "invoice.sent-by-email", details: { reason: "test" } })).toBe(
      "Rita Reception: invoice sent by email (reason: test).",
    );
    expect(sentence({ action: "backup.made", actorId: null, actorEmail: null })).toBe(
      "Someone: backup made.",
    );
  });

  it("has a sentence for every clinic audit action the code writes", () => {
    // The names on lines that write or look up an audit row, in the code that reaches a clinic's log.
    const written = new Set<string>();
    const clinicAction =
      /"((?:appointment|patients?|staff|doctor|location|clinic-settings|sign-in|sign-out|password|chart|visit|note|vitals|allergy|allergies|diagnosis|immunization|document|template)(?:\.[a-z-]+)?)"/g;
    for (const file of readdirSync("lib", { recursive: true, encoding: "utf8" })) {
      if (
        !file.endsWith(".ts") ||
        file.endsWith(".test.ts") ||
        /^(generated|super|admin|testing)\//.test(file)
      )
        continue;
      for (const line of readFileSync(`lib/${file}`, "utf8").split("\n"))
        if (/\baction: |audit\(/.test(line))
          for (const match of line.matchAll(clinicAction)) written.add(match[1] as string);
    }
    expect(written).toContain("appointment.booked");
    expect(written).toContain("sign-out");
    expect([...written].filter((action) => !DESCRIBED_AUDIT_ACTIONS.includes(action))).toEqual([]);
  });
});

describe("describeAuditDetails", () => {
  it("reads a role change as names, not codes", () => {
    expect(describeAuditDetails({ email: "nina@maple.test", from: "NURSE", to: "BILLING" })).toBe(
      "nina@maple.test · Nurse → Billing",
    );
  });

  it("shows unknown keys as they are, and nothing for no details", () => {
    expect(describeAuditDetails({ reason: "test" })).toBe("reason: test");
    expect(describeAuditDetails(null)).toBe("");
    expect(describeAuditDetails(["x"])).toBe("");
  });
});

describe("browserOf", () => {
  it("names the browser and the system, not the whole user agent", () => {
    expect(
      browserOf(
        "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36",
      ),
    ).toBe("Chrome on Windows");
    expect(
      browserOf(
        "Mozilla/5.0 (iPhone; CPU iPhone OS 18_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.1 Mobile/15E148 Safari/604.1",
      ),
    ).toBe("Safari on iOS");
    expect(browserOf("curl/8.5.0")).toBe("an unrecognised browser");
  });
});
