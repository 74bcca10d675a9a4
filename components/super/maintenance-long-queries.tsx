"use client";

import { useState } from "react";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { CheckboxField } from "@/components/ui/checkbox-field";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { type Column, DataTable } from "@/components/ui/data-table";
import { useActionCall } from "@/components/ui/use-action-call";
import { stopSessionAction } from "@/lib/actions/maintenance/stop-session";
import type { SessionView, StopMode } from "@/lib/maintenance/sessions";

const MODES: Record<StopMode, { label: string; confirm: string; text: string }> = {
  cancel: {
    label: "Cancel",
    confirm: "Cancel the query",
    text: "Cancels the query that is running; the session stays connected and its transaction is rolled back. The person or job that sent it sees an error.",
  },
  terminate: {
    label: "Terminate",
    confirm: "End the session",
    text: "Ends the whole session: its transaction is rolled back and the connection is closed. The application reconnects by itself.",
  },
};

/** Sessions in a query or an open transaction for too long, with Cancel and Terminate behind a confirmation. */
export function MaintenanceLongQueries({
  serverId,
  sessions,
  seconds,
}: {
  serverId: string;
  sessions: SessionView[];
  seconds: number;
}) {
  const [asking, setAsking] = useState<{ session: SessionView; mode: StopMode } | null>(null);
  const [ownToo, setOwnToo] = useState(false);
  const stop = useActionCall(stopSessionAction, {
    message: "inline",
    success: (outcome) => outcome.message,
    onSuccess: () => setAsking(null),
  });

  const columns: Column<SessionView>[] = [
    { key: "pid", header: "Session", sortValue: (row) => row.pid, cell: (row) => <code>{row.pid}</code> },
    {
      key: "where",
      header: "Where",
      sortValue: (row) => row.clinic ?? row.database ?? "",
      cell: (row) => (
        <span className="flex flex-col items-start gap-1">
          <span>{row.clinic ? `Clinic ${row.clinic}` : (row.database ?? "—")}</span>
          {row.platform ? <Badge tone="brand">Platform</Badge> : null}
          <span className="text-xs text-slate-600">
            {row.user ?? "—"}
            {row.application ? ` · ${row.application}` : ""}
          </span>
        </span>
      ),
    },
    {
      key: "time",
      header: "For",
      sortValue: (row) => row.seconds,
      cell: (row) => (
        <span className="tabular-nums">
          {row.seconds} s{row.state === "active" ? "" : ` (${row.state})`}
        </span>
      ),
    },
    {
      key: "query",
      header: "Query (text values hidden)",
      cell: (row) => <code className="break-all text-xs">{row.query || "—"}</code>,
    },
    {
      key: "actions",
      header: "Stop",
      cell: (row) =>
        row.clinic ? (
          <div className="flex flex-wrap gap-2">
            {(["cancel", "terminate"] as const).map((mode) => (
              <Button
                key={mode}
                size="sm"
                variant={mode === "terminate" ? "danger" : "secondary"}
                aria-label={`${MODES[mode].label} session ${row.pid}`}
                onClick={() => {
                  stop.clearError();
                  setOwnToo(false);
                  setAsking({ session: row, mode });
                }}
              >
                {MODES[mode].label}
              </Button>
            ))}
          </div>
        ) : (
          <span className="text-xs text-slate-600">Not a clinic database: stop it on the server itself.</span>
        ),
    },
  ];

  return (
    <>
      <DataTable
        caption={`Queries and open transactions longer than ${seconds} seconds`}
        columns={columns}
        rows={sessions}
        rowKey={(row) => String(row.pid)}
        empty={`Nothing has been running for more than ${seconds} seconds. Long queries and transactions left open show here.`}
        stackOnPhone
      />
      {asking ? (
        <ConfirmDialog
          title={`${MODES[asking.mode].label} session ${asking.session.pid}?`}
          confirmLabel={MODES[asking.mode].confirm}
          pendingLabel="Stopping…"
          danger
          pending={stop.pending}
          error={stop.error}
          onConfirm={() =>
            stop.call({
              serverId,
              pid: asking.session.pid,
              mode: asking.mode,
              includePlatform: asking.session.platform && ownToo,
            })
          }
          onClose={() => setAsking(null)}
        >
          <p>
            {asking.session.clinic ? `Clinic ${asking.session.clinic}, ` : ""}running for{" "}
            {asking.session.seconds} seconds.
          </p>
          <p>{MODES[asking.mode].text}</p>
          {asking.session.platform ? (
            <CheckboxField
              label="This is the platform's own session (a job, a migration or its admin). Stop it anyway."
              hint="A stopped migration or backup fails and is tried again; a stopped rollout leaves this clinic for the next run."
              checked={ownToo}
              onChange={(event) => setOwnToo(event.target.checked)}
            />
          ) : null}
        </ConfirmDialog>
      ) : null}
    </>
  );
}
