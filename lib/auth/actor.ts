import { z } from "zod";
import type { RequestClient } from "./request-context";
import type { AppSession } from "./session";

/** Who did something, and from where: what every audit row records, in the central and the clinic logs. */
export type Actor = { id: string; email: string; ip: string | null; userAgent: string | null };

/** An actor carried in a job's payload (the job audits in the name of whoever asked for it). */
export const actorSchema = z.object({
  id: z.string(),
  email: z.string(),
  ip: z.string().nullable(),
  userAgent: z.string().nullable(),
}) satisfies z.ZodType<Actor>;

export function actorOf(session: AppSession, client: RequestClient): Actor {
  return { id: session.user.id, email: session.user.email, ip: client.ip, userAgent: client.userAgent };
}
