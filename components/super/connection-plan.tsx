import { Suspense } from "react";
import { Badge } from "@/components/ui/badge";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { Notice } from "@/components/ui/notice";
import { Cell, HeaderCell, Table, TableBody, TableHead } from "@/components/ui/table";
import type { ConnectionPlan } from "@/lib/tenancy/connection-plan";

/**
 * Each server's connection plan: the most connections every kind of client may hold on it at once,
 * against its max_connections. The page starts reading the servers; the cards stream in when read.
 */
export function ConnectionPlans({ plans }: { plans: Promise<ConnectionPlan[]> }) {
  return (
    <section aria-labelledby="connection-plans-heading" className="flex flex-col gap-3">
      <div className="flex flex-col gap-1">
        <h2 id="connection-plans-heading" className="text-lg font-semibold text-slate-900">
          Connection plans
        </h2>
        <p className="text-sm text-slate-600">
          The worst case on each server, from this app process's settings. A process's whole
          TENANT_CONNECTION_BUDGET counts on every server its clinics may live on: nothing stops the busy
          clinics of the moment from all being on one server. The sum must stay below max_connections less the
          slots reserved for superusers and 10 % headroom; npm start and npm run worker refuse to start when
          it does not. Moves stream through WAL senders, which max_wal_senders limits, not these.
        </p>
      </div>
      <Suspense fallback={<p className="text-sm text-slate-600">Reading each server's max_connections…</p>}>
        <PlanCards plans={plans} />
      </Suspense>
    </section>
  );
}

async function PlanCards({ plans }: { plans: Promise<ConnectionPlan[]> }) {
  return (
    <div className="grid grid-cols-[minmax(0,1fr)] gap-4 xl:grid-cols-[repeat(2,minmax(0,1fr))]">
      {(await plans).map((plan) => (
        <PlanCard key={plan.server} plan={plan} />
      ))}
    </div>
  );
}

const VERDICT = {
  fits: { tone: "success", badge: "Fits", notice: "info" },
  over: { tone: "danger", badge: "Does not fit", notice: "error" },
  unread: { tone: "warning", badge: "Not checked", notice: "warning" },
} as const;

function PlanCard({ plan }: { plan: ConnectionPlan }) {
  const verdict = VERDICT[plan.fits === null ? "unread" : plan.fits ? "fits" : "over"];
  const { limits } = plan;
  return (
    <Card className="min-w-0">
      <CardHeader className="flex-row flex-wrap items-start justify-between gap-3">
        <div className="flex min-w-0 flex-col gap-1">
          <CardTitle as="h3" className="text-base">
            {plan.server}
          </CardTitle>
          <CardDescription>
            {limits
              ? `max_connections ${limits.maxConnections} · ${limits.inUse} in use now`
              : "max_connections unknown"}
          </CardDescription>
        </div>
        <Badge tone={verdict.tone}>{verdict.badge}</Badge>
      </CardHeader>
      <CardContent className="flex flex-col gap-3">
        <Table caption={`Connection plan of ${plan.server}`}>
          <TableHead>
            <HeaderCell>Kind</HeaderCell>
            <HeaderCell className="text-right max-sm:hidden">Per process</HeaderCell>
            <HeaderCell className="text-right max-sm:hidden">Processes</HeaderCell>
            {/* A phone has no room for four columns: the total shows how it comes about. */}
            <HeaderCell className="text-right max-sm:whitespace-normal">
              <span className="sm:hidden">Per process × processes = </span>Total
            </HeaderCell>
          </TableHead>
          <TableBody>
            {plan.rows.map((row) => (
              <tr key={row.kind}>
                <Cell>
                  <span className="font-medium text-slate-900">{row.label}</span>
                  {/* anywhere: a long variable name wraps instead of widening the table on a phone. */}
                  <span className="block text-xs text-slate-500 [overflow-wrap:anywhere]">{row.detail}</span>
                </Cell>
                <Cell className="text-right tabular-nums max-sm:hidden">{row.perProcess}</Cell>
                <Cell className="text-right tabular-nums max-sm:hidden">{row.processes}</Cell>
                <Cell className="text-right whitespace-nowrap tabular-nums">
                  <span className="sm:hidden">
                    {row.perProcess} × {row.processes} ={" "}
                  </span>
                  {row.total}
                </Cell>
              </tr>
            ))}
            <tr className="bg-slate-50">
              <Cell className="font-medium text-slate-900">Planned</Cell>
              <Cell colSpan={3} className="text-right font-semibold whitespace-nowrap tabular-nums">
                {plan.total}
                {limits ? ` of ${limits.usable} usable` : ""}
              </Cell>
            </tr>
          </TableBody>
        </Table>
        <Notice tone={verdict.notice}>{plan.verdict}</Notice>
      </CardContent>
    </Card>
  );
}
