import type { CentralDb } from "../db/central";
import type { Prisma } from "../generated/central/client";
import type { PlatformAuditSort } from "../validations/super";

export const AUDIT_PAGE_SIZE = 50;

// Each sort key's order; the newest first, then the id, breaks ties so pages never overlap.
const AUDIT_ORDER: Record<
  PlatformAuditSort["key"],
  (dir: Prisma.SortOrder) => Prisma.AuditEventOrderByWithRelationInput
> = {
  at: (dir) => ({ at: dir }),
  actor: (dir) => ({ actorEmail: { sort: dir, nulls: "last" } }),
  action: (dir) => ({ action: dir }),
};

/** One page of the central audit trail, newest first unless `sort` says otherwise. */
export async function findAuditEvents(options: {
  central: CentralDb;
  page: number;
  sort?: PlatformAuditSort;
}) {
  const sort = options.sort ?? { key: "at", desc: true };
  const [events, total] = await Promise.all([
    options.central.auditEvent.findMany({
      orderBy: [AUDIT_ORDER[sort.key](sort.desc ? "desc" : "asc"), { at: "desc" }, { id: "desc" }],
      skip: (options.page - 1) * AUDIT_PAGE_SIZE,
      take: AUDIT_PAGE_SIZE,
    }),
    options.central.auditEvent.count(),
  ]);
  return { events, total, pages: Math.max(1, Math.ceil(total / AUDIT_PAGE_SIZE)) };
}
