"use client";

import { useState } from "react";
import { backUpCentralAction } from "@/lib/actions/backups/back-up-central";
import { backUpClinicAction } from "@/lib/actions/backups/back-up-clinic";
import { backUpOwnClinicAction } from "@/lib/actions/backups/back-up-own-clinic";
import { Button } from "../ui/button";
import { Notice } from "../ui/notice";
import { useActionCall } from "../ui/use-action-call";
import { BackupJobPanel } from "./backup-job-panel";

type Target = { clinicId: string; name: string; by: "super" | "own" } | { central: true; name: string };

/** "Back up now": starts the backup, then shows its steps live (and a backup already running, on load). */
export function BackupNowButton({
  target,
  activeJobId = null,
  size = "md",
}: {
  target: Target;
  activeJobId?: string | null;
  size?: "sm" | "md";
}) {
  const [jobId, setJobId] = useState<string | null>(activeJobId);
  const options = {
    message: "inline" as const,
    refresh: false,
    onSuccess: (data: { jobId: string }) => setJobId(data.jobId),
  };
  const clinic = useActionCall(backUpClinicAction, options);
  const own = useActionCall(backUpOwnClinicAction, options);
  const central = useActionCall(backUpCentralAction, options);
  const call = "central" in target ? central : target.by === "super" ? clinic : own;
  const start = () => {
    if ("central" in target) central.call({});
    else call.call({ clinicId: target.clinicId });
  };
  return (
    <div className="flex min-w-0 flex-col gap-3">
      <Button size={size} className="self-start" onClick={start} disabled={call.pending}>
        {call.pending ? "Starting…" : "Back up now"}
      </Button>
      {call.error ? <Notice>{call.error}</Notice> : null}
      {jobId ? <BackupJobPanel key={jobId} jobId={jobId} label={`Backing up ${target.name}`} /> : null}
    </div>
  );
}
