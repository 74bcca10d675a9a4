import { randomUUID } from "node:crypto";
import { courseEndOf } from "../clinical/prescriptions/course";
import { lineColumnsOf } from "../clinical/prescriptions/drafts";
import { buildPaperHeading } from "../documents/paper-heading";
import type { Prisma } from "../generated/tenant/client";
import type { TenantDb } from "../tenancy/registry";
import { type DemoVisit, writeZoesLetters } from "./demo-letters";
import {
  ACUTE_MEDICINES,
  CHRONIC_MEDICINES,
  FAVOURITES,
  type Line,
  RAMIPRIL,
  REPORTED,
} from "./demo-medicines";
import type { Random } from "./demo-vitals";
import { insertRows } from "./insert-rows";

const DAY_MS = 86_400_000;
/** Bounds that keep the demo quick: patients on a long-term medicine, and short courses. */
const LONG_TERM_MAX = 70;
const SHORT_COURSES_MAX = 50;

/**
 * Signed prescriptions for a demo clinic on its past visits: long-term medicines for the problem
 * list (one replaced after a side effect), short courses completed once over, numbered from
 * prescription_number_seq in signing order with the heading of the day; reported medicines,
 * favourites for each doctor, and for "Zoë Ångström-Núñez" (an address with accents for the
 * letterhead) a sick note and a referral letter. A few hundred rows in a handful of statements.
 */
export async function generateDemoPrescriptions(options: {
  db: TenantDb;
  random: Random;
  now: Date;
  visits: Prisma.VisitCreateManyInput[];
  diagnoses: Prisma.DiagnosisCreateManyInput[];
  doctorIds: string[];
  patients: { id: string; dateOfBirth: Date }[];
}) {
  const { db, random, now, doctorIds } = options;
  const visits = new Map<string, DemoVisit>();
  for (const visit of options.visits)
    if (visit.id && visit.startedAt && new Date(visit.startedAt) < now)
      visits.set(visit.id, { ...visit, id: visit.id, startedAt: new Date(visit.startedAt) });
  const adult = new Set(
    options.patients
      .filter((patient) => now.getTime() - patient.dateOfBirth.getTime() > 18 * 365.25 * DAY_MS)
      .map((p) => p.id),
  );

  type Planned = { visit: DemoVisit; lines: { line: Line; stopped?: { at: Date; reason: string } }[] };
  const acute: Planned[] = [];
  const latestChronic = new Map<string, DemoVisit & { code: string }>();
  const firstHypertension = new Map<string, DemoVisit>();
  for (const diagnosis of options.diagnoses) {
    const visit = diagnosis.visitId ? visits.get(diagnosis.visitId) : undefined;
    if (!visit || diagnosis.onProblemList) continue;
    if (ACUTE_MEDICINES[diagnosis.code] && random.next() < 0.5)
      acute.push({ visit, lines: [{ line: ACUTE_MEDICINES[diagnosis.code] as Line }] });
    if (!CHRONIC_MEDICINES[diagnosis.code]) continue;
    const latest = latestChronic.get(visit.patientId);
    if (!latest || latest.startedAt < visit.startedAt)
      latestChronic.set(visit.patientId, { ...visit, code: diagnosis.code });
    const first = firstHypertension.get(visit.patientId);
    if (diagnosis.code === "I10" && (!first || first.startedAt > visit.startedAt))
      firstHypertension.set(visit.patientId, visit);
  }

  // The letterhead's patient with accents: an adult on treatment for blood pressure, seen twice for it.
  const longTerm = [...latestChronic.values()];
  const zoe =
    longTerm.find(
      (visit) =>
        adult.has(visit.patientId) &&
        visit.code === "I10" &&
        (firstHypertension.get(visit.patientId)?.startedAt ?? visit.startedAt) < visit.startedAt,
    ) ?? longTerm.find((visit) => adult.has(visit.patientId));
  const treated = (zoe ? [zoe, ...longTerm.filter((visit) => visit !== zoe)] : longTerm).slice(
    0,
    LONG_TERM_MAX,
  );
  const planned: Planned[] = [];
  for (const visit of treated) {
    planned.push({ visit, lines: [{ line: CHRONIC_MEDICINES[visit.code] as Line }] });
    // About a third of those on amlodipine first took ramipril, stopped for a dry cough.
    const first = firstHypertension.get(visit.patientId);
    if (
      visit.code === "I10" &&
      first &&
      first.startedAt < visit.startedAt &&
      (visit === zoe || random.next() < 0.35)
    )
      planned.push({
        visit: first,
        lines: [
          { line: RAMIPRIL, stopped: { at: visit.startedAt, reason: "Dry cough: changed to amlodipine." } },
        ],
      });
  }
  const byTime = (a: Planned, b: Planned) => a.visit.startedAt.getTime() - b.visit.startedAt.getTime();
  const chosen = [...planned, ...acute.sort(byTime).slice(-SHORT_COURSES_MAX)].sort(byTime);

  if (zoe)
    await db.patient.update({
      where: { id: zoe.patientId },
      data: {
        firstName: "Zoë",
        lastName: "Ångström-Núñez",
        address: "Flat 2, 14 Rue de l'Église, Leeds LS6 2QT",
      },
    });

  const numbers: { n: bigint }[] = await db.$queryRawUnsafe(
    "SELECT nextval('prescription_number_seq') AS n FROM generate_series(1, $1::int)",
    chosen.length,
  );
  const prescriptions: Prisma.PrescriptionCreateManyInput[] = [];
  const lines: Prisma.PrescriptionLineCreateManyInput[] = [];
  const signedAtOf = (visit: DemoVisit) => new Date(visit.startedAt.getTime() + 22 * 60_000);
  const headings = await Promise.all(
    chosen.map(({ visit }) =>
      buildPaperHeading({
        db,
        patientId: visit.patientId,
        authorId: visit.doctorId,
        locationId: visit.locationId,
        at: signedAtOf(visit),
      }),
    ),
  );
  for (const [index, { visit, lines: planLines }] of chosen.entries()) {
    const signedAt = signedAtOf(visit);
    const heading = headings[index];
    const id = randomUUID();
    prescriptions.push({
      id,
      number: `RX-${String(numbers[index]?.n ?? index + 1).padStart(6, "0")}`,
      patientId: visit.patientId,
      visitId: visit.id,
      prescriberId: visit.doctorId,
      locationId: visit.locationId,
      status: "DRAFT",
      heading,
      signedAt,
      createdAt: visit.startedAt,
      updatedAt: signedAt,
    });
    for (const [position, { line: medicine, stopped }] of planLines.entries()) {
      const endsAt = courseEndOf(medicine, signedAt);
      const completed = endsAt && endsAt < now;
      lines.push({
        ...lineColumnsOf(medicine),
        id: randomUUID(),
        prescriptionId: id,
        patientId: visit.patientId,
        position,
        startsAt: signedAt,
        endsAt: stopped ? stopped.at : endsAt,
        status: stopped ? "STOPPED" : completed ? "COMPLETED" : "ACTIVE",
        statusReason: stopped?.reason ?? null,
        statusChangedAt: stopped?.at ?? (completed ? endsAt : null),
        statusChangedById: stopped ? visit.doctorId : null,
        createdAt: visit.startedAt,
        updatedAt: stopped?.at ?? signedAt,
      });
    }
  }
  // Lines go into a draft (the database refuses them on a signed prescription), then it is signed.
  await insertRows(db, "prescriptions", prescriptions);
  await insertRows(db, "prescription_lines", lines);
  await db.prescription.updateMany({
    where: { id: { in: prescriptions.map((p) => p.id as string) } },
    data: { status: "SIGNED" },
  });

  const reported = [...adult].slice(0, 12).map((patientId, index) => ({
    id: randomUUID(),
    patientId,
    ...(REPORTED[index % REPORTED.length] as (typeof REPORTED)[number]),
    recordedById: doctorIds[0],
    updatedAt: now,
  }));
  if (zoe) {
    reported.push({
      id: randomUUID(),
      patientId: zoe.patientId,
      name: "Omeprazole",
      dose: "20 mg",
      frequency: "once a day",
      since: "2024-03",
      recordedById: zoe.doctorId,
      updatedAt: now,
    });
    reported.push({
      id: randomUUID(),
      patientId: zoe.patientId,
      name: "Vitamin D",
      dose: "1000 units",
      frequency: "once a day",
      since: null,
      recordedById: zoe.doctorId,
      updatedAt: now,
    });
  }
  await insertRows(db, "reported_medications", reported);
  await insertRows(
    db,
    "medication_favourites",
    doctorIds.flatMap((ownerId, index) =>
      FAVOURITES.slice(0, 2 + (index % 2)).map(([label, favourite]) => ({
        id: randomUUID(),
        ownerId,
        label,
        line: favourite,
      })),
    ),
  );
  if (zoe) await writeZoesLetters(db, zoe, now);
  return { prescriptions: prescriptions.length, lines: lines.length };
}
