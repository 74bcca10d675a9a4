import { z } from "zod";

/** A doctor opens the visit of one of their checked-in or in-progress appointments. */
export const startVisitSchema = z.object({
  appointmentId: z.uuid("Choose an appointment."),
});

/** A visit without an appointment: the patient walked in and the signed-in doctor sees them. */
export const startWalkInVisitSchema = z.object({
  patientId: z.uuid("Choose a patient."),
  locationId: z.uuid("Choose the location where the patient is seen."),
  reason: z.string().trim().min(1, "Say why the patient came, e.g. sore throat.").max(300),
});

export type StartWalkInVisitInput = z.output<typeof startWalkInVisitSchema>;
