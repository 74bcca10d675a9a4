import type { StaffRole } from "../../generated/tenant/enums";
import type { TenantDb } from "../../tenancy/tenant-db";
import type { Sample, SampleWorld } from "../action-samples";
import { next, rowsOf } from "../sample-rows";

/** Visits, notes and templates made directly in a clinic's database, for samples and tests. */
export function clinicalRowsOf(db: TenantDb) {
  const rows = rowsOf(db);
  const visit = async (options: { doctorId?: string } = {}) =>
    db.visit.create({
      data: {
        patientId: (await rows.patient()).id,
        doctorId: options.doctorId ?? (await rows.doctor()).id,
        locationId: (await rows.location()).id,
        reason: "Sample visit",
      },
    });
  const note = async (options: { authorId?: string; signed?: boolean; kind?: "SOAP" | "TRIAGE" } = {}) => {
    const authorId = options.authorId ?? (await rows.doctor()).id;
    const created = await visit({ doctorId: authorId });
    return db.clinicalNote.create({
      data: {
        visitId: created.id,
        patientId: created.patientId,
        authorId,
        kind: options.kind ?? "SOAP",
        subjective: "Sample history",
        ...(options.signed ? { status: "SIGNED", signedAt: new Date() } : {}),
      },
    });
  };
  const template = (ownerId: string | null) =>
    db.noteTemplate.create({ data: { ownerId, kind: "TEMPLATE", name: `Template ${next()}`, body: "Text" } });
  return { visit, note, template };
}

/** Ids of another clinic's visit, note and template, by the field names inputs use. */
export async function clinicalForeignIds(db: TenantDb): Promise<[string, string][]> {
  const rows = clinicalRowsOf(db);
  const note = await rows.note({ signed: true });
  return [
    ["visitId", note.visitId],
    ["noteId", note.id],
    ["templateId", (await rows.template(null)).id],
  ];
}

const member = (world: SampleWorld, role: StaffRole) => world.clinic.members[role].id;
const clinical = (world: SampleWorld) => clinicalRowsOf(world.clinic.db);
const content = { subjective: "Sore throat for 3 days", objective: "", assessment: "", plan: "", body: "" };

/** Samples for the actions under lib/actions that this area adds (see ACTION_SAMPLES). */
export const NOTES_SAMPLES: [string, Sample][] = [
  [
    "visits/start-visit",
    async (world) => ({
      appointmentId: (
        await rowsOf(world.clinic.db).appointment({ doctorId: member(world, "DOCTOR"), status: "CHECKED_IN" })
      ).id,
    }),
  ],
  [
    "visits/start-walk-in-visit",
    async (world) => ({
      patientId: (await rowsOf(world.clinic.db).patient()).id,
      locationId: (await rowsOf(world.clinic.db).location()).id,
      reason: "Walked in with a cough",
    }),
  ],
  [
    "notes/start-note",
    async (world) => ({
      visitId: (await clinical(world).visit({ doctorId: member(world, "DOCTOR") })).id,
      kind: "SOAP",
    }),
  ],
  [
    "notes/save-note-draft",
    async (world) => ({
      noteId: (await clinical(world).note({ authorId: member(world, "DOCTOR") })).id,
      revision: 0,
      ...content,
    }),
  ],
  [
    "notes/sign-note",
    async (world) => ({
      noteId: (await clinical(world).note({ authorId: member(world, "DOCTOR") })).id,
      revision: 0,
      ...content,
    }),
  ],
  [
    "notes/add-addendum",
    async (world) => ({
      noteId: (await clinical(world).note({ signed: true })).id,
      body: "Culture came back negative.",
    }),
  ],
  [
    "notes/mark-note-entered-in-error",
    async (world) => ({
      noteId: (await clinical(world).note({ authorId: member(world, "DOCTOR"), signed: true })).id,
      reason: "Written on the wrong patient",
    }),
  ],
  [
    "templates/save-clinic-template",
    async () => ({
      kind: "QUICK_TEXT",
      name: `Normal ${next()}`,
      code: `n${next()}`,
      body: "No acute distress.",
    }),
  ],
  [
    "templates/save-own-template",
    async () => ({ kind: "TEMPLATE", name: `Throat ${next()}`, body: "Throat: red, no exudate." }),
  ],
  [
    "templates/delete-clinic-template",
    async (world) => ({ templateId: (await clinical(world).template(null)).id }),
  ],
  [
    "templates/delete-own-template",
    async (world) => ({ templateId: (await clinical(world).template(member(world, "DOCTOR"))).id }),
  ],
];
