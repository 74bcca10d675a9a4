import { z } from "zod";
import { isoDateParam, uuidParam } from "./search-params";

/** No appointment is longer, which also bounds every overlap search (lib/clinic/appointments.ts). */
export const MAX_APPOINTMENT_MS = 8 * 3_600_000;

// abort: a malformed instant stops the parse there, so the refinements below (which call getTime)
// never see the raw string; zod would otherwise run them with it.
const isoInstant = z.iso
  .datetime({ offset: true, message: "Give a date and time.", abort: true })
  .transform((value) => new Date(value));

export const bookAppointmentSchema = z
  .object({
    patientId: z.uuid("Choose a patient."),
    doctorId: z.uuid("Choose a doctor."),
    locationId: z.uuid("Choose a location."),
    startsAt: isoInstant,
    endsAt: isoInstant,
    reason: z.string().trim().max(500).optional(),
    /** Left out: the doctor's default type, else the clinic's default (lib/clinic/appointment-type-choice.ts). */
    typeId: z.uuid("Choose an appointment type.").optional(),
    /** The front desk chose to book outside the doctor's working hours; without it such a time is refused. */
    outsideHours: z.boolean().default(false),
  })
  .refine((value) => value.endsAt > value.startsAt, {
    path: ["endsAt"],
    message: "The end must be after the start.",
  })
  .refine((value) => value.endsAt.getTime() - value.startsAt.getTime() <= MAX_APPOINTMENT_MS, {
    path: ["endsAt"],
    message: "An appointment can last at most 8 hours.",
  });

export const rescheduleAppointmentSchema = z
  .object({
    appointmentId: z.uuid(),
    startsAt: isoInstant,
    endsAt: isoInstant,
    outsideHours: z.boolean().default(false),
  })
  .refine((value) => value.endsAt > value.startsAt, {
    path: ["endsAt"],
    message: "The end must be after the start.",
  });

export const appointmentStatusSchema = z.discriminatedUnion("to", [
  z.object({
    appointmentId: z.uuid(),
    // BOOKED: undo a check-in (lib/clinic/appointment-status.ts).
    to: z.enum(["CHECKED_IN", "IN_PROGRESS", "COMPLETED", "NO_SHOW", "BOOKED"]),
  }),
  z.object({
    appointmentId: z.uuid(),
    to: z.literal("CANCELLED"),
    cancelReason: z.string().trim().min(2, "Say why it is cancelled.").max(500),
  }),
]);

/** A doctor moving their own visit on: start it, or complete it. */
export const ownVisitSchema = z.object({
  appointmentId: z.uuid("Choose an appointment."),
  to: z.enum(["IN_PROGRESS", "COMPLETED"], "Start or complete the visit."),
});

export type BookAppointmentInput = z.output<typeof bookAppointmentSchema>;

export const rescheduleAppointmentInputSchema = rescheduleAppointmentSchema.refine(
  (value) => value.endsAt.getTime() - value.startsAt.getTime() <= MAX_APPOINTMENT_MS,
  { path: ["endsAt"], message: "An appointment can last at most 8 hours." },
);

const CLOCK_TIME = /^([01]\d|2[0-3]):[0-5]\d$/;
const clockTime = z.string().regex(CLOCK_TIME, "Enter a time such as 9:30 or 14:00.");

/** When, in the clinic's own clock: what the booking and reschedule forms ask for. */
const clinicTimeFields = {
  date: z.iso.date("Choose a date."),
  startTime: clockTime,
  endTime: clockTime,
};

const endAfterStart = {
  path: ["endTime"],
  message: "The end must be after the start.",
};

/** Compared only once both are clock times; a malformed one has its own message. */
function endsAfterStart(value: { startTime: string; endTime: string }): boolean {
  if (!CLOCK_TIME.test(value.startTime) || !CLOCK_TIME.test(value.endTime)) return true;
  return value.endTime > value.startTime;
}

export const bookAppointmentFormSchema = z
  .object({
    patientId: z.uuid("Choose a patient."),
    doctorId: z.uuid("Choose a doctor."),
    locationId: z.uuid("Choose a location."),
    typeId: z.uuid("Choose an appointment type."),
    ...clinicTimeFields,
    reason: z.string().trim().max(500, "Keep the reason under 500 characters."),
    outsideHours: z.boolean().default(false),
  })
  .refine(endsAfterStart, endAfterStart);

export type BookAppointmentFormValues = z.output<typeof bookAppointmentFormSchema>;

export const rescheduleAppointmentFormSchema = z
  .object({ ...clinicTimeFields, outsideHours: z.boolean().default(false) })
  .refine(endsAfterStart, endAfterStart);

export type RescheduleAppointmentFormValues = z.output<typeof rescheduleAppointmentFormSchema>;

export const cancelAppointmentFormSchema = z.object({
  cancelReason: z.string().trim().min(2, "Say why it is cancelled.").max(500),
});

/** The calendar's URL: anything unreadable falls back to the default view rather than an error page. */
export const calendarQuerySchema = z.object({
  view: z.enum(["day", "week"]).catch("day"),
  date: isoDateParam,
  location: z.literal("all").or(uuidParam).catch(undefined),
  doctor: z.literal("all").or(uuidParam).catch(undefined),
});

export type CalendarQuery = z.output<typeof calendarQuerySchema>;
