import { z } from "zod";
import { clinicIdSchema } from "./admin";

// Moving a clinic to another database server from /super: one schema per action.

/** The subdomain is typed to confirm; checked again on the server. */
export const moveClinicSchema = clinicIdSchema.extend({
  toServerId: z.uuid("Choose the server to move the clinic to."),
  confirmation: z.string().trim().max(200),
});
export type MoveClinicInput = z.input<typeof moveClinicSchema>;

export const moveJobSchema = z.object({ jobId: z.uuid("Unknown move.") });
