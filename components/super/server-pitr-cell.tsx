import { Badge } from "../ui/badge";
import type { ServerPitrSummary } from "./pitr-format";

/** A server's point-in-time restore in the servers table: whether it has it and its window; a failing archive points to the page's warning. */
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
          Set it up on the server&apos;s machine: <code>{summary.setupCommand}</code>
        </span>
      ) : null}
      {summary.alert ? (
        <span className="font-medium text-red-800">
          Archiving is failing: see the warning above the table.
        </span>
      ) : null}
    </span>
  );
}
