import Link from "next/link";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { formatStatus } from "@/components/ui/status-badge";
import type { findPlatformCounts } from "@/lib/super/overview";
import { formatCount } from "./format";
import { StatList } from "./stat-list";

type Counts = Awaited<ReturnType<typeof findPlatformCounts>>;

const CLINIC_STATUSES = ["ACTIVE", "SUSPENDED", "PROVISIONING", "FAILED", "DELETING", "DELETED"] as const;

export function PlatformCountCards({ counts }: { counts: Counts }) {
  const cards = [
    {
      title: "Clinics",
      href: "/super/clinics",
      total: counts.clinics.total,
      items: CLINIC_STATUSES.map((status) => ({
        label: formatStatus(status),
        value: formatCount(counts.clinics.byStatus[status] ?? 0),
      })),
    },
    {
      title: "Clinic admins",
      href: "/super/admins",
      total: counts.clinicAdmins.total,
      items: (["ACTIVE", "DISABLED"] as const).map((status) => ({
        label: formatStatus(status),
        value: formatCount(counts.clinicAdmins.byStatus[status] ?? 0),
      })),
    },
    {
      title: "Database servers",
      href: "/super/servers",
      total: counts.servers.total,
      items: (["ACTIVE", "DRAINING", "OFFLINE"] as const).map((status) => ({
        label: formatStatus(status),
        value: formatCount(counts.servers.byStatus[status] ?? 0),
      })),
    },
  ];
  return (
    <section aria-labelledby="counts-heading" className="flex flex-col gap-3">
      <h2 id="counts-heading" className="sr-only">
        Counts
      </h2>
      <div className="grid gap-6 md:grid-cols-3">
        {cards.map((card) => (
          <Card key={card.title}>
            <CardHeader>
              <div className="flex items-baseline justify-between gap-3">
                <CardTitle as="h3">
                  <Link href={card.href} className="hover:underline">
                    {card.title}
                  </Link>
                </CardTitle>
                <span className="text-2xl font-bold text-slate-900 tabular-nums">
                  {formatCount(card.total)}
                </span>
              </div>
            </CardHeader>
            <CardContent>
              <StatList items={card.items} />
            </CardContent>
          </Card>
        ))}
      </div>
    </section>
  );
}
