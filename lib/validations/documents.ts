import { z } from "zod";

/** Each category, whether the front desk handles it (administrative) or it is clinical. */
export const DOCUMENT_CATEGORIES = [
  { value: "ID", label: "ID card", kind: "administrative" },
  { value: "INSURANCE_CARD", label: "Insurance card", kind: "administrative" },
  { value: "REFERRAL_LETTER", label: "Referral letter", kind: "administrative" },
  { value: "CONSENT", label: "Consent form", kind: "administrative" },
  { value: "RESULTS", label: "Results", kind: "clinical" },
  { value: "LETTER", label: "Clinical letter", kind: "clinical" },
  { value: "IMAGE", label: "Clinical image", kind: "clinical" },
] as const;

export type DocumentCategoryCode = (typeof DOCUMENT_CATEGORIES)[number]["value"];

const categoryCodes = DOCUMENT_CATEGORIES.map((category) => category.value) as [
  DocumentCategoryCode,
  ...DocumentCategoryCode[],
];

export const ADMINISTRATIVE_CATEGORIES: DocumentCategoryCode[] = DOCUMENT_CATEGORIES.filter(
  (category) => category.kind === "administrative",
).map((category) => category.value);

export function isAdministrativeCategory(category: string): boolean {
  return (ADMINISTRATIVE_CATEGORIES as string[]).includes(category);
}

export function categoryLabel(category: string): string {
  return DOCUMENT_CATEGORIES.find((item) => item.value === category)?.label ?? "Document";
}

/** The form fields that travel with an upload's file (the patient comes from the address). */
export const uploadDocumentFieldsSchema = z.object({
  patientId: z.uuid("Choose a patient."),
  category: z.enum(categoryCodes, "Choose what kind of document this is."),
  title: z
    .string('Give the document a title, e.g. "Passport".')
    .trim()
    .min(1, 'Give the document a title, e.g. "Passport".')
    .max(200, "Keep the title under 200 characters."),
  visitId: z
    .union([z.literal(""), z.uuid("Choose one of this patient's visits, or none.")])
    .nullish()
    .transform((value) => value || null),
});

export type UploadDocumentFields = z.output<typeof uploadDocumentFieldsSchema>;

export const markDocumentEnteredInErrorSchema = z.object({
  documentId: z.uuid("Choose a document."),
  reason: z
    .string()
    .trim()
    .min(3, 'Say why it was entered in error, e.g. "wrong patient".')
    .max(500, "Keep the reason under 500 characters."),
});
