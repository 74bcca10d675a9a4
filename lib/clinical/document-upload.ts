import { z } from "zod";
import { defineClinicAction } from "@/lib/action-pipeline/define-clinic-action";
import { parseOrThrow } from "@/lib/action-pipeline/pipeline";
import type { ActionResult } from "@/lib/action-pipeline/result";
import { refusalResponse } from "@/lib/action-pipeline/route-response";
import { clinicRoleCan } from "@/lib/auth/permissions";
import { AppError } from "@/lib/errors";
import { isCrossOriginActionCall } from "@/lib/security/cross-origin-action";
import { uploadDocumentFieldsSchema } from "@/lib/validations/documents";
import {
  findMaxUploadMb,
  patientExists,
  storedFileName,
  storePatientDocument,
  uploadPermissionOf,
} from "./documents";
import { BYTES_PER_MB, detectFileType, megabytes, tooLargeMessage, WRONG_TYPE_MESSAGE } from "./file-types";
import { PATIENT_NOT_FOUND } from "./immunizations";
import { declaredLength, readBodyWithinLimit } from "./request-body";

/** Room for the form's boundaries and its other fields around the file itself. */
const ENVELOPE_BYTES = 64 * 1024;

const fileError = (message: string) => new AppError("INVALID", message, { file: message });

/** The request's multipart form, read no further than the clinic's limit allows. */
async function readUploadForm(request: Request, maxBytes: number, limitMb: number): Promise<FormData> {
  const declared = declaredLength(request.headers);
  if (declared !== null && declared > maxBytes + ENVELOPE_BYTES)
    throw fileError(tooLargeMessage(declared, limitMb));
  const body = await readBodyWithinLimit(request.body, maxBytes + ENVELOPE_BYTES);
  if (!body.ok) throw fileError(`This file is larger than ${limitMb} MB, the most the clinic accepts.`);
  if (declared !== null && body.bytes.byteLength !== declared)
    throw fileError("The upload did not arrive whole. Please try again.");
  const contentType = request.headers.get("content-type") ?? "";
  if (!contentType.startsWith("multipart/form-data")) throw fileError("Choose a file to upload.");
  try {
    return await new Response(body.bytes, { headers: { "content-type": contentType } }).formData();
  } catch {
    throw fileError("The upload could not be read. Please choose the file again.");
  }
}

const textOf = (form: FormData, name: string) => {
  const value = form.get(name);
  return typeof value === "string" ? value : undefined;
};

type UploadInput = { patientId: string; request: Request };
export type UploadedDocument = { id: string; fileName: string; contentType: string; size: string };

/**
 * Uploads one document through the action pipeline (host's clinic → signed-in member → permission):
 * the gate is uploading administrative papers, which every uploading role has; the category then
 * needs its own permission. The body is read only after those checks and only up to the limit;
 * the stored type is what the bytes are.
 */
export const uploadDocument = defineClinicAction({
  schema: z.object({ patientId: z.uuid(PATIENT_NOT_FOUND), request: z.instanceof(Request) }),
  permission: "documents.uploadAdministrative",
  handler: async ({ input, db, role, actor }) => {
    if (!(await patientExists(db, input.patientId))) throw new AppError("NOT_FOUND", PATIENT_NOT_FOUND);
    const limitMb = await findMaxUploadMb(db);
    const maxBytes = limitMb * BYTES_PER_MB;
    const form = await readUploadForm(input.request, maxBytes, limitMb);
    const fields = parseOrThrow(uploadDocumentFieldsSchema, {
      patientId: input.patientId,
      category: textOf(form, "category"),
      title: textOf(form, "title"),
      visitId: textOf(form, "visitId"),
    });
    if (!clinicRoleCan(role, uploadPermissionOf(fields.category))) {
      const message =
        "Your role can upload ID cards, insurance cards, referral letters and consent forms only.";
      throw new AppError("FORBIDDEN", message, { category: message });
    }
    const file = form.get("file");
    if (!(file instanceof File) || file.size === 0) throw fileError("Choose a file to upload.");
    if (file.size > maxBytes) throw fileError(tooLargeMessage(file.size, limitMb));
    const bytes = new Uint8Array(await file.arrayBuffer());
    const contentType = detectFileType(bytes);
    if (!contentType) throw fileError(WRONG_TYPE_MESSAGE);
    const fileName = storedFileName(file.name, fields.title, contentType);
    const stored = await storePatientDocument({ db, actor, fields, fileName, contentType, bytes });
    const uploaded: UploadedDocument = {
      id: stored.id,
      fileName,
      contentType,
      size: megabytes(bytes.byteLength),
    };
    return uploaded;
  },
});

/**
 * POST /patients/<id>/documents/upload on a clinic's host. Server actions get the middleware's and
 * Next's Origin check; this is a route handler, so it refuses another site's post itself (by the
 * same rule), and one with no Origin at all: browsers always send it on a POST.
 */
export async function answerDocumentUpload(
  request: Request,
  options: { patientId: string; upload: (input: UploadInput) => Promise<ActionResult<UploadedDocument>> },
): Promise<Response> {
  if (!request.headers.get("origin") || isCrossOriginActionCall(request))
    return refusalResponse({
      code: "FORBIDDEN",
      message: "This upload came from another site, so it was refused.",
    });
  const result = await options.upload({ patientId: options.patientId, request });
  if (!result.ok) return refusalResponse(result.error);
  return Response.json(result.data, { status: 201, headers: { "Cache-Control": "private, no-store" } });
}
