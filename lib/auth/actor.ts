import type { RequestClient } from "./request-context";
import type { AppSession } from "./session";

/** Who did something, and from where: what every audit row records, in the central and the clinic logs. */
export type Actor = { id: string; email: string; ip: string | null; userAgent: string | null };

export function actorOf(session: AppSession, client: RequestClient): Actor {
  return { id: session.user.id, email: session.user.email, ip: client.ip, userAgent: client.userAgent };
}
