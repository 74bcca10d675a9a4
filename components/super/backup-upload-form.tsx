"use client";

import { useRouter } from "next/navigation";
import { type FormEvent, useState } from "react";
import { Button } from "../ui/button";
import { Notice } from "../ui/notice";

/**
 * Uploads a backup file (one downloaded earlier, or from the copy disk) into this clinic's list.
 * The server checks it in full first (encryption, every chunk, that it restores as this clinic),
 * which takes about as long as a restore's first steps.
 */
export function BackupUploadForm({
  clinic,
  maxMegabytes,
}: {
  clinic: { id: string; name: string };
  maxMegabytes: number;
}) {
  const router = useRouter();
  const [file, setFile] = useState<File | null>(null);
  const [pending, setPending] = useState(false);
  const [outcome, setOutcome] = useState<{ ok: boolean; message: string } | null>(null);

  const upload = async (event: FormEvent) => {
    event.preventDefault();
    if (!file) return;
    if (file.size > maxMegabytes * 1024 * 1024) {
      setOutcome({
        ok: false,
        message: `The file is larger than ${maxMegabytes} MB, the most an upload accepts.`,
      });
      return;
    }
    setPending(true);
    setOutcome(null);
    try {
      const response = await fetch(`/api/backups/upload?clinicId=${clinic.id}`, {
        method: "POST",
        body: file,
        headers: { "Content-Type": "application/octet-stream" },
      });
      const body = await response.json().catch(() => null);
      if (!response.ok) {
        setOutcome({ ok: false, message: body?.error?.message ?? "The upload failed. Try again." });
        return;
      }
      setOutcome({
        ok: true,
        message: `Checked and added to ${clinic.name}'s backups: it can be restored now.`,
      });
      router.refresh();
    } catch {
      setOutcome({ ok: false, message: "The upload was interrupted. Check the connection and try again." });
    } finally {
      setPending(false);
    }
  };

  return (
    <form onSubmit={upload} className="flex flex-col gap-3">
      <label className="flex flex-col gap-1 text-sm font-medium text-slate-800">
        Backup file (.backup, at most {maxMegabytes} MB)
        <input
          type="file"
          accept=".backup,application/octet-stream"
          className="text-sm font-normal text-slate-700 file:mr-3 file:rounded-md file:border-0 file:bg-slate-100 file:px-3 file:py-1.5"
          onChange={(event) => {
            setFile(event.currentTarget.files?.[0] ?? null);
            setOutcome(null);
          }}
        />
      </label>
      <Button type="submit" variant="secondary" className="self-start" disabled={!file || pending}>
        {pending ? "Checking the file…" : "Upload and check"}
      </Button>
      {outcome ? <Notice tone={outcome.ok ? "info" : "error"}>{outcome.message}</Notice> : null}
    </form>
  );
}
