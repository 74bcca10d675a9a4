import { Badge, type BadgeTone } from "@/components/ui/badge";
import type { XidLevel } from "@/lib/maintenance/xid-age";

const XID_BADGES: Record<XidLevel, { tone: BadgeTone; label: string }> = {
  ok: { tone: "success", label: "Fine" },
  warning: { tone: "warning", label: "Behind" },
  critical: { tone: "danger", label: "Urgent" },
};

/** A database's transaction-ID age: its level as a badge, and what it means in words. */
export function XidAge({ level, text }: { level: XidLevel | null; text: string | null }) {
  if (!level) return <span className="text-slate-600">{text ?? "Unknown."}</span>;
  const badge = XID_BADGES[level];
  return (
    <span className="flex flex-col items-start gap-1">
      <Badge tone={badge.tone}>{badge.label}</Badge>
      <span className={level === "ok" ? "text-slate-600" : "text-slate-900"}>{text}</span>
    </span>
  );
}
