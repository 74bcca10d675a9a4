import type { z } from "zod";
import { listSortSchema } from "./list-sort";

/** The columns a clinic's audit log sorts by; newest first by default. */
export const CLINIC_AUDIT_SORT_KEYS = ["at", "action", "who", "from"] as const;
export const clinicAuditSortSchema = listSortSchema(CLINIC_AUDIT_SORT_KEYS, { key: "at", desc: true });
export type ClinicAuditSort = z.output<typeof clinicAuditSortSchema>;
