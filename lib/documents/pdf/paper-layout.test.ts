import { PDFDocument } from "pdf-lib";
import { describe, expect, it } from "vitest";
import { pdfPageSizes, pdfText } from "@/lib/testing/pdf-text";
import { AMOXICILLIN_SUSPENSION } from "@/lib/testing/sample-lines";
import type { PaperHeading } from "../paper-heading";
import { embedPaperFonts } from "./fonts";
import { wrapText } from "./page-layout";
import { ageText } from "./paper-dates";
import { renderPrescriptionPdf } from "./prescription-pdf";

const heading = (country: "GENERIC" | "UK" | "US", dateOfBirth = "2019-05-05"): PaperHeading => ({
  clinic: {
    name: "Harbor Clinic",
    country,
    paperSize: "LETTER",
    timezone: "America/New_York",
    dateOrder: "MDY",
  },
  location: { name: "Harbor Main", address: "1 Pier Road\nBoston, MA 02110", phone: "+1 617 555 0100" },
  author: { id: "a", name: "Dr Lee Park", kind: "Doctor", specialty: null, registration: "1234567893" },
  patient: { id: "p", name: "Zoë Ångström-Núñez", address: "9 Elm St", dateOfBirth, mrn: "P-000001" },
  writtenAt: "2026-11-30T15:00:00Z",
});

const print = (paper: PaperHeading) =>
  renderPrescriptionPdf({
    heading: paper,
    number: "RX-000001",
    signedAt: new Date("2026-11-30T15:00:00Z"),
    lines: [AMOXICILLIN_SUSPENSION],
    printedAt: new Date("2026-11-30T15:05:00Z"),
    copy: null,
    hour12: true,
  });

describe("laying out paper", () => {
  it("wraps text by the font's own widths and cuts a word longer than the line", async () => {
    const { regular } = await embedPaperFonts(await PDFDocument.create());
    const lines = wrapText(`Take with food. ${"x".repeat(120)}`, regular, 10, 200);

    expect(lines[0]).toBe("Take with food.");
    for (const line of lines) expect(regular.widthOfTextAtSize(line, 10)).toBeLessThanOrEqual(200);
    expect(lines.join("")).toBe(`Take with food.${"x".repeat(120)}`);
  });

  it("writes a young child's age in months and an older one's in years", () => {
    expect(ageText("2025-05-10", "2026-11-30").text).toBe("18 months");
    expect(ageText("2019-05-05", "2026-11-30")).toEqual({ years: 7, text: "7 years" });
    expect(ageText("2026-11-09", "2026-11-30").text).toBe("3 weeks");
  });

  it("follows the US profile on US Letter: NPI, the substitution line, month-first dates, no age", async () => {
    const bytes = await print(heading("US"));

    const text = pdfText(bytes);
    expect(await pdfPageSizes(bytes)).toEqual([[612, 792]]);
    expect(text).toContain("NPI");
    expect(text).toContain("Substitution permitted");
    expect(text).toContain("05/05/2019");
    expect(text).toContain("Date 11/30/2026");
    expect(text).not.toContain("(age");
  });

  it("shows the age under 12 in the UK and not for an adult", async () => {
    expect(pdfText(await print(heading("UK")))).toContain("05/05/2019 (age 7 years)");
    expect(pdfText(await print(heading("UK", "1990-01-01")))).not.toContain("(age");
  });
});
