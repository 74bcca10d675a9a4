"use server";

import { defineClinicAction } from "@/lib/action-pipeline/define-clinic-action";
import { markDocumentEnteredInError } from "@/lib/clinical/documents";
import { markDocumentEnteredInErrorSchema } from "@/lib/validations/documents";

/**
 * Marks a document uploaded by mistake, with the reason; the file is kept. The gate is uploading
 * administrative papers (every uploading role); a clinical document also needs its own permission.
 */
export const markDocumentEnteredInErrorAction = defineClinicAction({
  schema: markDocumentEnteredInErrorSchema,
  permission: "documents.uploadAdministrative",
  handler: ({ input, db, actor, role }) => markDocumentEnteredInError({ db, actor, role, ...input }),
});
