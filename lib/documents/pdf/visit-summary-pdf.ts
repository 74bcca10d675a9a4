import { formatClinicTime } from "@/lib/clinic/time";
import type { VisitSummary } from "@/lib/clinical/visit-summary";
import type { PaperSize } from "../country-profiles";
import { MUTED } from "./page-layout";
import { patientBlock, practitionerKind } from "./paper-blocks";
import { paperDate, paperDateTime } from "./paper-dates";
import { closePaper, frameOf, openPaper } from "./paper-frame";

export type VisitSummaryPaper = {
  summary: VisitSummary;
  /** The clinic's paper today (a summary is made when printed, not fixed earlier). */
  paperSize: PaperSize;
  printedAt: Date;
  copy: { by: string } | null;
  hour12: boolean;
};

/** The patient's take-home record of a visit on the clinic's letterhead. */
export async function renderVisitSummaryPdf(paper: VisitSummaryPaper): Promise<Uint8Array> {
  const { summary } = paper;
  const { heading } = summary;
  const clock = { ...heading.clinic, hour12: paper.hour12 };
  const frame = frameOf(
    { ...paper, heading },
    {
      title: "Visit summary",
      paperSize: paper.paperSize,
      dateLine: `Visit on ${paperDate(summary.startedAt, clock)}`,
    },
  );

  const layout = await openPaper(frame);
  patientBlock(layout, heading, summary.startedAt, { alwaysAge: false });

  layout.heading("Visit");
  layout.labelled("Date", paperDateTime(summary.startedAt, clock));
  layout.labelled("Seen by", `${heading.author.name}, ${practitionerKind(heading)}`);
  layout.labelled("Where", heading.location.name);
  layout.labelled("Reason", summary.reason);

  layout.heading("Vitals");
  if (summary.vitals.length === 0) layout.paragraph("None taken at this visit.", { color: MUTED });
  for (const set of summary.vitals) {
    const time = formatClinicTime(set.takenAt, clock.timezone, { hour12: paper.hour12 });
    layout.labelled(`Taken ${time}`, set.measures.map((m) => `${m.label} ${m.text}`).join(" · "));
  }

  layout.heading("Diagnoses");
  if (summary.diagnoses.length === 0) layout.paragraph("None recorded at this visit.", { color: MUTED });
  for (const title of summary.diagnoses) layout.paragraph(`• ${title}`, { indent: 4 });

  layout.heading("Plan");
  layout.paragraph(
    summary.plan ?? "No plan was signed for this visit.",
    summary.plan ? {} : { color: MUTED },
  );

  layout.heading("Prescriptions");
  if (summary.prescriptions.length === 0) layout.paragraph("No medicines were prescribed.", { color: MUTED });
  for (const prescription of summary.prescriptions) {
    layout.paragraph(prescription.number, { size: 9, color: MUTED });
    for (const medicine of prescription.medicines) {
      layout.ensure(44);
      layout.paragraph(medicine.title, { bold: true, indent: 4 });
      layout.paragraph(medicine.directions, { indent: 16 });
      if (medicine.instructions) layout.paragraph(medicine.instructions, { indent: 16 });
    }
    layout.space(4);
  }
  layout.space(10);
  layout.paragraph(
    `Printed ${paperDateTime(paper.printedAt, clock)}. If you have questions about this visit, call ${heading.location.phone ?? "the clinic"}.`,
    { size: 8.5, color: MUTED },
  );
  return closePaper(layout, frame);
}
