import type { AuditContext } from "../audit-details";

/** How the audit log words this area's events (merged into the log's sentences). */
export const INVOICES_SENTENCES: Record<string, (c: AuditContext) => string> = {};
