import { headers } from "next/headers";
import { type Actor, actorOf } from "@/lib/auth/actor";
import { clientOf } from "@/lib/auth/request-context";
import type { AppSession } from "@/lib/auth/session";
import { recordAuditEvent } from "@/lib/clinic/audit";
import type { TenantDb } from "@/lib/tenancy/tenant-db";

/** What part of a patient's clinical record was read: the audit log says which, never its content. */
export type ChartReadKind =
  | "timeline"
  | "visits"
  | "visit"
  | "note"
  | "vitals"
  | "allergies-problems"
  | "medications"
  | "immunizations"
  | "immunization-record"
  | "documents"
  | "document"
  | "prescription"
  | "print";

/**
 * Writes one `chart.read` audit event: who read which patient's record, what part, when and from
 * where. Every page and download that shows clinical content calls it once per request.
 */
export async function recordChartReadBy(
  db: TenantDb,
  actor: Actor,
  read: { patientId: string; what: ChartReadKind; itemId?: string },
): Promise<void> {
  await recordAuditEvent(db, {
    actor,
    action: "chart.read",
    targetType: "patient",
    targetId: read.patientId,
    details: { what: read.what, ...(read.itemId ? { itemId: read.itemId } : {}) },
  });
}

/** The same from a server component: the actor is the page's session and this request's client. */
export async function recordChartRead(
  db: TenantDb,
  session: AppSession,
  read: { patientId: string; what: ChartReadKind; itemId?: string },
): Promise<void> {
  await recordChartReadBy(db, actorOf(session, clientOf(await headers())), read);
}
