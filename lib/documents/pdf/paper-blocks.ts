import { localDateOf } from "@/lib/clinic/time";
import { COUNTRY_PROFILES } from "../country-profiles";
import type { PaperHeading } from "../paper-heading";
import { INK, MUTED, type PageLayout } from "./page-layout";
import { ageText, paperDate, paperDay } from "./paper-dates";

/** "05/05/2019 (age 7 years)": the age shown where the clinic's country asks for it (under 12 in the UK). */
export function birthLine(heading: PaperHeading, on: Date, options: { alwaysAge?: boolean } = {}): string {
  const born = paperDay(heading.patient.dateOfBirth, heading.clinic);
  const today = localDateOf(on, heading.clinic.timezone);
  const age = ageText(heading.patient.dateOfBirth, today);
  const under = COUNTRY_PROFILES[heading.clinic.country].ageUnder;
  const show = options.alwaysAge || (under !== null && age.years < under);
  return show ? `${born} (age ${age.text})` : born;
}

/** Who the document is for: name, address, date of birth, record number. */
export function patientBlock(
  layout: PageLayout,
  heading: PaperHeading,
  on: Date,
  options: { alwaysAge?: boolean } = {},
) {
  layout.heading("Patient");
  layout.labelled("Name", heading.patient.name, { bold: true });
  layout.labelled("Address", heading.patient.address?.trim() || "Not recorded");
  layout.labelled("Date of birth", birthLine(heading, on, options));
  layout.labelled("MRN", heading.patient.mrn);
}

/** "Doctor · General practice". */
export function practitionerKind(heading: PaperHeading): string {
  return [heading.author.kind, heading.author.specialty].filter(Boolean).join(" · ");
}

/** The prescriber or author: name, kind of practitioner, registration, and where they practise. */
export function authorBlock(layout: PageLayout, heading: PaperHeading, title: string) {
  const profile = COUNTRY_PROFILES[heading.clinic.country];
  layout.heading(title);
  layout.labelled("Name", heading.author.name, { bold: true });
  layout.labelled("Practitioner", practitionerKind(heading));
  if (heading.author.registration) layout.labelled(profile.registrationLabel, heading.author.registration);
  const place = [heading.location.name, heading.location.address].filter(Boolean).join(", ");
  layout.labelled("Address", place);
  if (heading.location.phone) layout.labelled("Phone", heading.location.phone);
}

/** A line to sign in ink, with the signer's name and the date written under it. */
export function signatureBlock(layout: PageLayout, heading: PaperHeading, signedAt: Date) {
  layout.ensure(86);
  layout.space(40);
  const lineEnd = layout.left + layout.contentWidth * 0.55;
  layout.current.drawLine({
    start: { x: layout.left, y: layout.y },
    end: { x: lineEnd, y: layout.y },
    thickness: 0.8,
    color: INK,
  });
  const dateX = lineEnd + 24;
  layout.current.drawLine({
    start: { x: dateX, y: layout.y },
    end: { x: layout.right, y: layout.y },
    thickness: 0.8,
    color: INK,
  });
  layout.textAt(paperDate(signedAt, heading.clinic), dateX, layout.y + 5, { size: 10 });
  layout.space(12);
  layout.textAt("Signature", layout.left, layout.y, { size: 8.5, color: MUTED });
  layout.textAt("Date", dateX, layout.y, { size: 8.5, color: MUTED });
  layout.space(14);
  layout.textAt(`${heading.author.name}, ${practitionerKind(heading)}`, layout.left, layout.y, { size: 10 });
  layout.space(6);
}
