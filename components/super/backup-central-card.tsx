import type { BackupRow } from "@/lib/backups/console-queries";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "../ui/card";
import { StatusBadge } from "../ui/status-badge";
import { BackupNowButton } from "./backup-now-button";
import { formatBytes, formatDateTime } from "./format";

/** The central database: its newest backup, and "Back up now". */
export function BackupCentralCard({
  latest,
  lastDone,
  activeJobId,
}: {
  latest: BackupRow | null;
  lastDone: BackupRow | null;
  activeJobId: string | null;
}) {
  return (
    <Card>
      <CardHeader>
        <CardTitle as="h2">Central database</CardTitle>
        <CardDescription>
          The clinic registry and every clinic&apos;s encrypted database password: without it no clinic can be
          reached. Back it up as often as clinics are added or changed.
        </CardDescription>
      </CardHeader>
      <CardContent className="flex flex-col gap-4">
        <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-1 text-sm">
          <dt className="text-slate-600">Last good backup</dt>
          <dd className="text-slate-900">
            {lastDone
              ? `${formatDateTime(lastDone.startedAt)} · ${formatBytes(lastDone.sizeBytes)}`
              : "never"}
          </dd>
          {latest && latest.id !== lastDone?.id ? (
            <>
              <dt className="text-slate-600">Latest attempt</dt>
              <dd className="flex flex-wrap items-center gap-2 text-slate-900">
                <StatusBadge status={latest.status} /> {formatDateTime(latest.startedAt)}
                {latest.error ? <span className="text-red-800">{latest.error}</span> : null}
              </dd>
            </>
          ) : null}
        </dl>
        <BackupNowButton target={{ central: true, name: "the central database" }} activeJobId={activeJobId} />
      </CardContent>
    </Card>
  );
}
