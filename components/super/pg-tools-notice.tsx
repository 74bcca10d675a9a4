import { Notice } from "@/components/ui/notice";
import type { PgToolsStatus } from "@/lib/backups/pg-tools-check";

/** A warning while pg_dump/pg_restore are missing or older than the server; nothing otherwise. */
export function PgToolsNotice({ status }: { status: PgToolsStatus }) {
  if (status.ok) return null;
  return (
    <Notice tone="warning">
      <strong className="font-semibold">Backups cannot run on this machine.</strong> {status.reason} This is
      checked again every minute.
    </Notice>
  );
}
