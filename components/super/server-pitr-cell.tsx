import { Badge } from "../ui/badge";
import type { ServerPitrSummary } from "./pitr-format";

/** A server's point-in-time restore in the servers table: whether it has it, its window, and a failing archive in red. */
export function ServerPitrCell({ summary }: { summary: ServerPitrSummary }) {
  return (
    <span className="flex max-w-80 flex-col items-start gap-1 text-xs text-slate-700">
      <Badge tone={summary.badge.tone}>{summary.badge.label}</Badge>
      {summary.lines.map((line) => (
        <span key={line} className="break-words">
          {line}
        </span>
      ))}
      {summary.setupCommand ? (
        <span className="break-words">
          Set it up on the server&apos;s machine: <code className="break-all">{summary.setupCommand}</code>
        </span>
      ) : null}
      {summary.alert ? (
        <span role="alert" className="rounded-md bg-red-50 px-2 py-1 font-medium break-words text-red-800">
          {summary.alert}
        </span>
      ) : null}
    </span>
  );
}
