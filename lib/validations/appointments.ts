import { z } from "zod";

const isoInstant = z.iso
  .datetime({ offset: true, message: "Give a date and time." })
  .transform((value) => new Date(value));

export const bookAppointmentSchema = z
  .object({
    patientId: z.uuid("Choose a patient."),
    doctorId: z.uuid("Choose a doctor."),
    locationId: z.uuid("Choose a location."),
    startsAt: isoInstant,
    endsAt: isoInstant,
    reason: z.string().trim().max(500).optional(),
  })
  .refine((value) => value.endsAt > value.startsAt, {
    path: ["endsAt"],
    message: "The end must be after the start.",
  })
  .refine((value) => value.endsAt.getTime() - value.startsAt.getTime() <= 8 * 3_600_000, {
    path: ["endsAt"],
    message: "An appointment can last at most 8 hours.",
  });

export const rescheduleAppointmentSchema = z
  .object({ appointmentId: z.uuid(), startsAt: isoInstant, endsAt: isoInstant })
  .refine((value) => value.endsAt > value.startsAt, {
    path: ["endsAt"],
    message: "The end must be after the start.",
  });

export const appointmentStatusSchema = z.discriminatedUnion("to", [
  z.object({ appointmentId: z.uuid(), to: z.enum(["CHECKED_IN", "IN_PROGRESS", "COMPLETED", "NO_SHOW"]) }),
  z.object({
    appointmentId: z.uuid(),
    to: z.literal("CANCELLED"),
    cancelReason: z.string().trim().min(2, "Say why it is cancelled.").max(500),
  }),
]);

export type BookAppointmentInput = z.output<typeof bookAppointmentSchema>;
