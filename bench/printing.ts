// npm run bench:printing [-- --runs 50]: each printed document end to end as the route handler runs
// it (checks, the print log and its audit row under the advisory lock, the PDF rendered with the
// fonts embedded and subset), first prints and reprints alike; medians, p95 and the files' sizes.
import { parseArgs } from "node:util";
import type { Actor } from "../lib/auth/actor";
import { paperHeadingSchema } from "../lib/documents/paper-heading";
import { renderPrescriptionPdf } from "../lib/documents/pdf/prescription-pdf";
import { printReferralLetter, printSickNote } from "../lib/documents/printing/print-letter";
import { printPrescription } from "../lib/documents/printing/print-prescription";
import { printVisitSummary } from "../lib/documents/printing/print-visit-summary";
import type { PrintedFile } from "../lib/documents/prints";
import { openClinicClient } from "../lib/tenancy/clinic-client";
import { ClinicDatabaseService } from "../lib/tenancy/clinic-database-service";
import { createPlatformFixture } from "../lib/testing/platform-fixture";
import { printableRowsOf } from "../lib/testing/printable-rows";
import { AMOXICILLIN_SUSPENSION } from "../lib/testing/sample-lines";
import { machineLine, median, percentile, startBenchServer } from "./lib/bench-server";

const { values } = parseArgs({ options: { runs: { type: "string", default: "50" } } });
const runs = Number(values.runs);
process.env.TENANT_SECRETS_KEY ??= Buffer.alloc(32, 7).toString("base64");

async function time(label: string, work: () => Promise<Uint8Array | PrintedFile>) {
  let bytes = 0;
  for (let i = 0; i < 3; i++) await work(); // warm-up: the fonts are read once per process
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const started = performance.now();
    const result = await work();
    samples.push(performance.now() - started);
    bytes = result instanceof Uint8Array ? result.byteLength : result.bytes.byteLength;
  }
  console.log(
    `  ${label.padEnd(52)} p50 ${median(samples).toFixed(1).padStart(6)} ms   p95 ${percentile(samples, 95).toFixed(1).padStart(6)} ms   ${(bytes / 1024).toFixed(1).padStart(6)} KB`,
  );
}

const server = await startBenchServer();
console.log(`printing on ${server.kind}; ${machineLine()}; ${runs} runs each`);
const platform = await createPlatformFixture(server.adminUrl, { label: "bench" });
let close = async () => {};
try {
  await new ClinicDatabaseService({ central: platform.central, env: platform.env }).provisionClinic({
    name: "Bench Clinic",
    subdomain: "bench",
    ownerId: platform.owner.id,
    timezone: "Europe/London",
  });
  // A client of the clinic's own for the whole run: a request's database budget is per request.
  const client = await openClinicClient({ central: platform.central, subdomain: "bench" });
  close = () => client.close();
  const db = client.db;
  {
    const rows = printableRowsOf(db);
    const [patient, doctor, location] = await Promise.all([rows.patient(), rows.doctor(), rows.location()]);
    const ids = { patientId: patient.id, locationId: location.id };
    const actor: Actor = { id: doctor.id, email: doctor.email, ip: null, userAgent: null };
    const prescription = await rows.prescription({ ...ids, prescriberId: doctor.id });
    const lines = Array.from({ length: 12 }, (_, index) => ({
      ...AMOXICILLIN_SUSPENSION,
      medicationName: `Medicine ${index + 1}`,
    }));
    const long = await rows.prescription({ ...ids, prescriberId: doctor.id, lines });
    const visit = await db.visit.create({
      data: { patientId: patient.id, doctorId: doctor.id, locationId: location.id, reason: "Cough" },
    });
    await rows.prescription({ ...ids, prescriberId: doctor.id, visitId: visit.id });
    const sickNote = await rows.sickNote({ ...ids, authorId: doctor.id });
    const letter = await rows.referralLetter({ ...ids, authorId: doctor.id });
    const heading = paperHeadingSchema.parse(prescription.heading);
    const signedAt = prescription.signedAt ?? new Date();

    await time("render only: prescription, 1 medicine (no database)", () =>
      renderPrescriptionPdf({
        heading,
        number: prescription.number ?? "",
        signedAt,
        lines: [AMOXICILLIN_SUSPENSION],
        printedAt: new Date(),
        copy: null,
        hour12: false,
      }),
    );
    await time("print: prescription, 1 medicine", () =>
      printPrescription({ db, actor, prescriptionId: prescription.id }),
    );
    await time("print: prescription, 12 medicines (2 pages)", () =>
      printPrescription({ db, actor, prescriptionId: long.id }),
    );
    await time("print: visit summary", () => printVisitSummary({ db, actor, visitId: visit.id }));
    await time("print: sick note", () => printSickNote({ db, actor, sickNoteId: sickNote.id }));
    await time("print: referral letter", () =>
      printReferralLetter({ db, actor, referralLetterId: letter.id }),
    );
  }
} finally {
  await close();
  await platform.cleanup();
  await server.stop();
}
