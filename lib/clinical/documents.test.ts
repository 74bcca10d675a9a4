import { createHash } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { markDocumentEnteredInErrorAction } from "@/lib/actions/documents/mark-document-entered-in-error";
import { clinicRoleCan } from "@/lib/auth/permissions";
import type { StaffRole } from "@/lib/generated/tenant/enums";
import { type ClinicFixture, createClinicFixture, type TestClinic } from "@/lib/testing/clinic-fixture";
import { clinicHost } from "@/lib/testing/requests";
import { PNG_BYTES, sampleDocument } from "@/lib/testing/samples/records";
import { STAFF_ROLES } from "@/lib/validations/staff";
import { answerDocumentDownload, contentDispositionOf, downloadDocument } from "./document-download";
import { answerDocumentUpload, uploadDocument } from "./document-upload";
import { findPatientDocuments } from "./documents";

let clinic: ClinicFixture;
let other: TestClinic;

beforeAll(async () => {
  clinic = await createClinicFixture({ subdomain: "papers" });
  other = await clinic.addClinic("papers-other");
});

afterAll(async () => {
  await clinic?.cleanup();
});

let counter = 0;
const newPatient = () =>
  clinic.db.patient.create({
    data: { firstName: "Doc", lastName: `Holder${++counter}`, dateOfBirth: new Date("1985-03-03") },
  });

const ORIGIN = () => `http://${clinicHost("papers")}`;
const PDF = new TextEncoder().encode("%PDF-1.7\n1 0 obj << >> endobj\n%%EOF\n");

/** The multipart post the upload form sends, from the clinic's own page unless told. */
function uploadRequest(
  patientId: string,
  fields: { category?: string; title?: string; file?: Blob; fileName?: string },
  headers: Record<string, string> = { origin: ORIGIN() },
): Request {
  const form = new FormData();
  if (fields.category !== undefined) form.set("category", fields.category);
  form.set("title", fields.title ?? "Passport");
  if (fields.file) form.set("file", fields.file, fields.fileName ?? "scan.png");
  return new Request(`${ORIGIN()}/patients/${patientId}/documents/upload`, {
    method: "POST",
    headers: { host: clinicHost("papers"), ...headers },
    body: form,
  });
}

const upload = (role: StaffRole, patientId: string, request: Request) =>
  answerDocumentUpload(request, {
    patientId,
    upload: (input) => clinic.callAs(role, uploadDocument, input),
  });

const download = (role: StaffRole, patientId: string, documentId: string) =>
  answerDocumentDownload({
    patientId,
    documentId,
    download: (input) => clinic.callAs(role, downloadDocument, input),
  });

const png = () => new Blob([PNG_BYTES], { type: "image/png" });
const documentCount = () => clinic.db.patientDocument.count();

describe("uploading a document", () => {
  it("stores a receptionist's ID card PNG with its hash, the type its bytes say, and an audit row", async () => {
    const patient = await newPatient();
    const response = await upload(
      "RECEPTIONIST",
      patient.id,
      uploadRequest(patient.id, {
        category: "ID",
        file: new Blob([PNG_BYTES], { type: "application/pdf" }),
        fileName: "id card.pdf",
      }),
    );

    expect(response.status).toBe(201);
    const { id } = await response.json();
    const stored = await clinic.db.patientDocument.findUniqueOrThrow({
      where: { id },
      include: { content: true },
    });
    expect(stored).toMatchObject({
      patientId: patient.id,
      category: "ID",
      title: "Passport",
      fileName: "id card.png",
      contentType: "image/png",
      sizeBytes: PNG_BYTES.byteLength,
      sha256: createHash("sha256").update(PNG_BYTES).digest("hex"),
      uploadedById: clinic.members.RECEPTIONIST.id,
    });
    expect(new Uint8Array(stored.content?.bytes ?? [])).toEqual(PNG_BYTES);
    const audit = await clinic.db.auditEvent.findFirstOrThrow({
      where: { action: "document.uploaded", targetId: patient.id },
    });
    expect(audit.details).toEqual({ documentId: id, category: "ID", sizeBytes: PNG_BYTES.byteLength });
  });

  it("refuses a receptionist's results (clinical), and stores a nurse's", async () => {
    const patient = await newPatient();
    const before = await documentCount();
    const refused = await upload(
      "RECEPTIONIST",
      patient.id,
      uploadRequest(patient.id, { category: "RESULTS", file: png() }),
    );

    expect(refused.status).toBe(403);
    expect((await refused.json()).error.fields.category).toMatch(/ID cards, insurance cards/);
    expect(await documentCount()).toBe(before);
    const nurse = await upload(
      "NURSE",
      patient.id,
      uploadRequest(patient.id, { category: "RESULTS", file: png() }),
    );
    expect(nurse.status).toBe(201);
  });

  it("refuses a text file named .pdf, saying which types are accepted, and stores nothing", async () => {
    const patient = await newPatient();
    const before = await documentCount();
    const response = await upload(
      "RECEPTIONIST",
      patient.id,
      uploadRequest(patient.id, {
        category: "CONSENT",
        file: new Blob(["This is a letter, not a PDF."], { type: "application/pdf" }),
        fileName: "consent.pdf",
      }),
    );

    expect(response.status).toBe(422);
    expect((await response.json()).error.fields.file).toBe(
      "Only PDF, JPEG and PNG files can be uploaded — this file is not one of them.",
    );
    expect(await documentCount()).toBe(before);
  });

  it("refuses an oversize upload by its Content-Length before reading its body", async () => {
    const patient = await newPatient();
    let pulled = 0;
    const body = new ReadableStream<Uint8Array>({
      pull(controller) {
        pulled += 1;
        controller.enqueue(new Uint8Array(1024));
      },
    });
    const request = new Request(`${ORIGIN()}/patients/${patient.id}/documents/upload`, {
      method: "POST",
      headers: {
        host: clinicHost("papers"),
        origin: ORIGIN(),
        "content-type": "multipart/form-data; boundary=x",
        "content-length": "14000000",
      },
      body,
      duplex: "half",
    } as RequestInit);
    const response = await upload("RECEPTIONIST", patient.id, request);

    expect(response.status).toBe(422);
    expect((await response.json()).error.fields.file).toBe(
      "This file is 14 MB; the clinic accepts up to 10 MB.",
    );
    expect(pulled).toBeLessThanOrEqual(1);
  });

  it("holds a file to the clinic's own lower limit", async () => {
    const patient = await newPatient();
    await clinic.db.clinicSetting.update({ where: { id: 1 }, data: { maxUploadMb: 1 } });
    try {
      const big = new Uint8Array(1_500_000);
      big.set(PDF);
      const response = await upload(
        "NURSE",
        patient.id,
        uploadRequest(patient.id, { category: "LETTER", file: new Blob([big]), fileName: "letter.pdf" }),
      );
      // Sent without a Content-Length, it is cut off while streaming.
      expect(response.status).toBe(422);
      expect((await response.json()).error.fields.file).toBe(
        "This file is larger than 1 MB, the most the clinic accepts.",
      );
      const atLimit = new Uint8Array(1_000_000);
      atLimit.set(PDF);
      const send = (bytes: Uint8Array<ArrayBuffer>) =>
        upload(
          "NURSE",
          patient.id,
          uploadRequest(patient.id, { category: "LETTER", file: new Blob([bytes]) }),
        );
      const justOver = await send(Uint8Array.from([...atLimit, 0]));
      expect((await justOver.json()).error.fields.file).toBe(
        "This file is just over 1 MB; the clinic accepts up to 1 MB.",
      );
      expect((await send(atLimit)).status).toBe(201);
    } finally {
      await clinic.db.clinicSetting.update({ where: { id: 1 }, data: { maxUploadMb: 10 } });
    }
  });

  it("refuses a post from another site or with no Origin, and a role that uploads nothing", async () => {
    const patient = await newPatient();
    const before = await documentCount();
    const fields = { category: "ID", file: png() };
    const crossSite = await upload(
      "RECEPTIONIST",
      patient.id,
      uploadRequest(patient.id, fields, { origin: "https://evil.example" }),
    );
    const noOrigin = await upload("RECEPTIONIST", patient.id, uploadRequest(patient.id, fields, {}));
    const billing = await upload("BILLING", patient.id, uploadRequest(patient.id, fields));

    expect([crossSite.status, noOrigin.status, billing.status]).toEqual([403, 403, 403]);
    expect(await documentCount()).toBe(before);
  });

  it("answers 404 for another clinic's patient, and 422 for a missing category or file", async () => {
    const stranger = await other.db.patient.create({
      data: { firstName: "Else", lastName: "Where", dateOfBirth: new Date("1990-01-01") },
    });
    const foreign = await upload(
      "RECEPTIONIST",
      stranger.id,
      uploadRequest(stranger.id, { category: "ID", file: png() }),
    );
    expect(foreign.status).toBe(404);

    const patient = await newPatient();
    const noCategory = await upload("RECEPTIONIST", patient.id, uploadRequest(patient.id, { file: png() }));
    expect((await noCategory.json()).error.fields.category).toBe("Choose what kind of document this is.");
    const noFile = await upload("RECEPTIONIST", patient.id, uploadRequest(patient.id, { category: "ID" }));
    expect((await noFile.json()).error.fields.file).toBe("Choose a file to upload.");
    expect(await clinic.db.patientDocument.count({ where: { patientId: patient.id } })).toBe(0);
  });
});

describe("downloading a document", () => {
  it("sends the receptionist an ID card as an attachment, never cached or sniffed, and audits the read", async () => {
    const patient = await newPatient();
    const document = await sampleDocument(clinic.db, { patientId: patient.id });
    const response = await download("RECEPTIONIST", patient.id, document.id);

    expect(response.status).toBe(200);
    expect(Object.fromEntries(response.headers)).toMatchObject({
      "content-type": "image/png",
      "content-disposition": `attachment; filename="passport.png"; filename*=UTF-8''passport.png`,
      "x-content-type-options": "nosniff",
      "cache-control": "private, no-store",
    });
    expect(new Uint8Array(await response.arrayBuffer())).toEqual(PNG_BYTES);
    const reads = await clinic.db.auditEvent.findMany({
      where: { action: "chart.read", targetId: patient.id },
    });
    expect(reads.map((read) => [read.actorId, read.details])).toEqual([
      [clinic.members.RECEPTIONIST.id, { what: "document", itemId: document.id }],
    ]);
  });

  it("keeps clinical documents from the receptionist and billing, and gives them to the nurse", async () => {
    const patient = await newPatient();
    const results = await sampleDocument(clinic.db, { patientId: patient.id, category: "RESULTS" });

    expect((await download("RECEPTIONIST", patient.id, results.id)).status).toBe(403);
    expect((await download("BILLING", patient.id, results.id)).status).toBe(403);
    expect((await download("NURSE", patient.id, results.id)).status).toBe(200);
    const reads = await clinic.db.auditEvent.count({ where: { action: "chart.read", targetId: patient.id } });
    expect(reads).toBe(1);
  });

  it("answers 404 for another clinic's document, another patient's, and ids that cannot exist", async () => {
    const patient = await newPatient();
    const foreign = await sampleDocument(other.db);
    const elsewhere = await sampleDocument(clinic.db);
    for (const [patientId, documentId] of [
      [foreign.patientId, foreign.id],
      [patient.id, foreign.id],
      [patient.id, elsewhere.id],
      [patient.id, "00000000-0000-4000-8000-000000000000"],
      [patient.id, "not-an-id"],
      ["../../etc", elsewhere.id],
    ] as const) {
      const response = await download("DOCTOR", patientId, documentId);
      expect(response.status, `${patientId}/${documentId}`).toBe(404);
      expect(response.headers.get("content-disposition")).toBeNull();
    }
  });

  it("encodes a name with spaces, quotes and accents for every browser (RFC 6266)", () => {
    expect(contentDispositionOf('Résultats "nov".pdf')).toBe(
      `attachment; filename="R_sultats _nov_.pdf"; filename*=UTF-8''R%C3%A9sultats%20%22nov%22.pdf`,
    );
  });
});

describe("a document entered in error", () => {
  it("is kept but hidden from the list by default, and the receptionist cannot mark a clinical one", async () => {
    const patient = await newPatient();
    const card = await sampleDocument(clinic.db, { patientId: patient.id });
    const results = await sampleDocument(clinic.db, { patientId: patient.id, category: "RESULTS" });

    const marked = await clinic.callAs("RECEPTIONIST", markDocumentEnteredInErrorAction, {
      documentId: card.id,
      reason: "Another patient's card",
    });
    expect(marked.ok).toBe(true);
    const refused = await clinic.callAs("RECEPTIONIST", markDocumentEnteredInErrorAction, {
      documentId: results.id,
      reason: "Not theirs",
    });
    expect(refused).toMatchObject({ ok: false, error: { code: "FORBIDDEN" } });

    const listed = (includeEnteredInError: boolean) =>
      findPatientDocuments({ db: clinic.db, patientId: patient.id, role: "DOCTOR", includeEnteredInError });
    expect((await listed(false)).map((row) => row.id)).toEqual([results.id]);
    expect((await listed(true)).map((row) => row.id).sort()).toEqual([card.id, results.id].sort());
    const receptionistSees = await findPatientDocuments({
      db: clinic.db,
      patientId: patient.id,
      role: "RECEPTIONIST",
      includeEnteredInError: true,
    });
    expect(receptionistSees.map((row) => row.category)).toEqual(["ID"]);
  });
});

describe.each(STAFF_ROLES)("a %s", (role) => {
  const may = (permission: Parameters<typeof clinicRoleCan>[1]) => clinicRoleCan(role, permission);

  it("uploads exactly the categories the permission matrix gives the role", async () => {
    const patient = await newPatient();
    const card = await upload(role, patient.id, uploadRequest(patient.id, { category: "ID", file: png() }));
    const results = await upload(
      role,
      patient.id,
      uploadRequest(patient.id, { category: "RESULTS", file: png() }),
    );

    expect(card.status).toBe(may("documents.uploadAdministrative") ? 201 : 403);
    expect(results.status).toBe(may("documents.uploadClinical") ? 201 : 403);
  });

  it("downloads exactly the categories the role may see, each download audited", async () => {
    const patient = await newPatient();
    const card = await sampleDocument(clinic.db, { patientId: patient.id });
    const results = await sampleDocument(clinic.db, { patientId: patient.id, category: "RESULTS" });
    const seesCards = may("documents.viewAdministrative");
    const seesResults = seesCards && may("chart.view");

    expect((await download(role, patient.id, card.id)).status).toBe(seesCards ? 200 : 403);
    expect((await download(role, patient.id, results.id)).status).toBe(seesResults ? 200 : 403);
    const reads = await clinic.db.auditEvent.count({ where: { action: "chart.read", targetId: patient.id } });
    expect(reads).toBe(Number(seesCards) + Number(seesResults));
  });
});
