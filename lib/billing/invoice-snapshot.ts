import { z } from "zod";

/**
 * What an issued invoice or credit note shows of the clinic, location, doctor, patient and bill-to,
 * fixed at issuing: a later change of address or tax ID never rewrites a past invoice.
 */
export const invoiceSnapshotSchema = z.object({
  clinic: z.object({
    name: z.string(),
    legalName: z.string(),
    legalAddress: z.string().nullable(),
    taxId: z.string().nullable(),
    timezone: z.string(),
    dateOrder: z.string(),
    paperSize: z.string(),
  }),
  location: z.object({ name: z.string(), address: z.string().nullable(), phone: z.string().nullable() }),
  doctor: z.object({ name: z.string(), registration: z.string().nullable() }).nullable(),
  patient: z.object({
    name: z.string(),
    address: z.string().nullable(),
    mrn: z.string(),
    dateOfBirth: z.string(),
  }),
  billTo: z.object({
    kind: z.enum(["PATIENT", "THIRD_PARTY"]),
    name: z.string(),
    address: z.string().nullable(),
    reference: z.string().nullable(),
  }),
});

export type InvoiceSnapshot = z.infer<typeof invoiceSnapshotSchema>;

/** The clinic as an invoice shows it, from its settings at the moment of issuing (snapshotted). */
export function clinicSnapshotOf(settings: {
  name: string;
  legalName: string | null;
  legalAddress: string | null;
  taxId: string | null;
  timezone: string;
  dateOrder: InvoiceSnapshot["clinic"]["dateOrder"];
  paperSize: InvoiceSnapshot["clinic"]["paperSize"];
}): InvoiceSnapshot["clinic"] {
  return {
    name: settings.name,
    legalName: settings.legalName ?? settings.name,
    legalAddress: settings.legalAddress,
    taxId: settings.taxId,
    timezone: settings.timezone,
    dateOrder: settings.dateOrder,
    paperSize: settings.paperSize,
  };
}
