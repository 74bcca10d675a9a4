"use client";

import { useState } from "react";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { Notice } from "@/components/ui/notice";
import { useActionCall } from "@/components/ui/use-action-call";
import { checkDatabaseServerAction } from "@/lib/actions/super/check-database-server";
import type { ServerCheck, ServerCheckReport } from "@/lib/super/server-checks";
import { formatDateTime } from "./format";

type CheckedServer = { id: string; name: string; host: string; port: number };

/** One card per server: its checks run on demand (they connect to it), with what each means and its fix. */
export function ServerChecks({ servers }: { servers: CheckedServer[] }) {
  return (
    <section aria-labelledby="server-checks-heading" className="flex flex-col gap-3">
      <div className="flex flex-col gap-1">
        <h2 id="server-checks-heading" className="text-lg font-semibold text-slate-900">
          Server checks
        </h2>
        <p className="text-sm text-slate-600">
          How each server is set up where the platform leaves the choice to you: whether passwords are
          checked, whether every role may connect to its own databases, SSL, and its version. Run them after
          setting up or changing a server.
        </p>
      </div>
      {/* minmax(0, 1fr): a long SQL line scrolls inside its card instead of widening the page. */}
      <div className="grid grid-cols-[minmax(0,1fr)] gap-4 xl:grid-cols-[repeat(2,minmax(0,1fr))]">
        {servers.map((server) => (
          <ServerChecksCard key={server.id} server={server} />
        ))}
      </div>
    </section>
  );
}

function ServerChecksCard({ server }: { server: CheckedServer }) {
  const [report, setReport] = useState<ServerCheckReport | null>(null);
  const run = useActionCall(checkDatabaseServerAction, {
    message: "inline",
    refresh: false,
    onSuccess: setReport,
  });
  const warnings = report?.checks.filter((check) => check.status === "warning").length ?? 0;
  return (
    <Card className="min-w-0">
      <CardHeader className="flex-row flex-wrap items-start justify-between gap-3">
        <div className="flex min-w-0 flex-col gap-1">
          <CardTitle as="h3" className="text-base">
            {server.name}
          </CardTitle>
          <CardDescription>
            <code className="break-all text-xs">{`${server.host}:${server.port}`}</code>
            {report ? (
              <>
                {" · checked "}
                {formatDateTime(report.checkedAt)}
                {" · "}
                {warnings === 0 ? "all fine" : `${warnings} to look at`}
              </>
            ) : null}
          </CardDescription>
        </div>
        <Button
          size="sm"
          variant="secondary"
          disabled={run.pending}
          onClick={() => run.call({ serverId: server.id })}
          aria-label={`Run the checks of ${server.name}`}
        >
          {run.pending ? "Checking…" : report ? "Check again" : "Run checks"}
        </Button>
      </CardHeader>
      <CardContent className="flex flex-col gap-3">
        {run.error ? <Notice>{run.error}</Notice> : null}
        {report ? (
          <ul className="flex flex-col divide-y divide-slate-100" aria-label={`Checks of ${server.name}`}>
            {report.checks.map((check) => (
              <CheckItem key={check.key} check={check} />
            ))}
          </ul>
        ) : (
          <p className="text-sm text-slate-600">
            Not checked yet. The checks connect to the server as its admin and take a few seconds.
          </p>
        )}
      </CardContent>
    </Card>
  );
}

function CheckItem({ check }: { check: ServerCheck }) {
  return (
    <li className="flex flex-col gap-1.5 py-3 first:pt-0 last:pb-0">
      <div className="flex items-center gap-2">
        <Badge tone={check.status === "ok" ? "success" : "warning"}>
          {check.status === "ok" ? "OK" : "Warning"}
        </Badge>
        <span className="text-sm font-medium text-slate-900">{check.title}</span>
      </div>
      <p className="text-sm text-slate-700">{check.summary}</p>
      {check.fix ? <p className="text-sm text-slate-600">{check.fix}</p> : null}
      {check.sql ? (
        <pre className="overflow-x-auto rounded-md bg-slate-900 px-3 py-2 text-xs text-slate-100">
          <code>{check.sql}</code>
        </pre>
      ) : null}
    </li>
  );
}
