import type { ActionClient } from "../actions/define-action";
import type { AppSession } from "../auth/session";
import type { CentralDb } from "../db/central";

/**
 * One line of the central audit trail for something a clinic admin did to a clinic: who, what,
 * which clinic, from where. Details are plain facts (names, emails); never tickets or passwords.
 */
export async function recordAdminEvent(options: {
  central: CentralDb;
  session: AppSession;
  client: ActionClient;
  action: string;
  clinic: { id: string; subdomain: string };
  details?: Record<string, string>;
}): Promise<void> {
  const { central, session, client, clinic } = options;
  await central.auditEvent.create({
    data: {
      actorId: session.user.id,
      actorEmail: session.user.email,
      action: options.action,
      targetType: "clinic",
      targetId: clinic.id,
      ip: client.ip,
      userAgent: client.userAgent,
      details: { subdomain: clinic.subdomain, ...options.details },
    },
  });
}
