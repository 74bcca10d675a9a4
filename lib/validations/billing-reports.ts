import { z } from "zod";
import { isoDateParam, pageParam, uuidParam } from "./search-params";

const businessDate = z.iso
  .date("Pick the day to close.")
  .refine((value) => value >= "2000-01-01" && value <= "2099-12-31", "Pick the day to close.");

/** Cash as the person closing counted it, in the currency's main unit: "120", "120.50". */
export const countedCashText = z
  .string()
  .trim()
  .regex(/^\d{1,9}([.,]\d{1,3})?$/, "Enter the cash you counted as a number, such as 120.50.");

/** Closing a location's day: the cash in the drawer as counted. */
export const closeDaySchema = z.object({
  locationId: z.uuid("Pick a location."),
  businessDate,
  countedCash: countedCashText,
  note: z.string().trim().max(500, "Keep the note under 500 characters.").optional(),
});

/** The day's figures as a CSV file. */
export const exportDaySchema = z.object({ locationId: z.uuid("Pick a location."), businessDate });

/** A patient's statement for a period (clinic-local days, inclusive). */
export const printStatementSchema = z
  .object({
    patientId: z.uuid("This patient could not be found."),
    from: z.iso.date("Enter the first day of the statement."),
    to: z.iso.date("Enter the last day of the statement."),
  })
  .refine((value) => value.from <= value.to, {
    message: "The statement must start on or before its last day.",
    path: ["to"],
  });

export const printSuperbillSchema = z.object({ visitId: z.uuid("This visit could not be found.") });

/** /billing/outstanding?sort=amount|age&page= */
export const outstandingQuerySchema = z.object({
  sort: z.enum(["amount", "age"]).catch("amount"),
  page: pageParam,
});

/** /billing/day?location=&date= */
export const dayQuerySchema = z.object({ location: uuidParam, date: isoDateParam });
