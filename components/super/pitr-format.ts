import type { PitrStatus } from "@/lib/pitr/pitr-status";
import { instantToMoment } from "@/lib/pitr/restore-moment";
import { formatDateTime } from "./format";

// Point-in-time restore in words, computed on the server (passed down as text, so no hydration
// mismatch): servers in UTC like the rest of the operator's pages, a clinic's window on its clock.

/** "12 s ago", "4 min ago", "3 h ago", "2 days ago". */
export function describeSince(at: Date, now: Date): string {
  const seconds = Math.max(0, Math.round((now.getTime() - at.getTime()) / 1000));
  if (seconds < 120) return `${seconds} s ago`;
  if (seconds < 7200) return `${Math.floor(seconds / 60)} min ago`;
  if (seconds < 172_800) return `${Math.floor(seconds / 3600)} h ago`;
  return `${Math.floor(seconds / 86_400)} days ago`;
}

/** A server's point-in-time restore for the servers table: a badge, lines of facts, and what is wrong. */
export type ServerPitrSummary = {
  badge: { tone: "success" | "warning" | "danger" | "neutral"; label: string };
  lines: string[];
  /** Archiving is failing: said loudly, with what to do. */
  alert: string | null;
  /** How to set it up, while it is not. */
  setupCommand: string | null;
};

export function summariseServerPitr(status: PitrStatus, now: Date): ServerPitrSummary {
  const { archiver, window } = status;
  const lines: string[] = [];
  if (window) {
    const to = status.windowReachesNow ? "now" : `${formatDateTime(window.to)} (no later)`;
    lines.push(`Recoverable from ${formatDateTime(window.from)} to ${to}.`);
  } else if (status.windowProblem) {
    lines.push(`Recoverable window unknown: ${status.windowProblem}`);
  }
  if (!archiver) lines.push("The server did not answer, so its archiving could not be checked.");
  else if (archiver.archiveMode !== "off")
    lines.push(
      archiver.lastArchivedAt
        ? `Last WAL archived ${describeSince(archiver.lastArchivedAt, now)}.`
        : "No WAL archived yet.",
    );
  const badge: ServerPitrSummary["badge"] = status.archiveFailure
    ? { tone: "danger", label: "Archiving failing" }
    : !status.stanza
      ? { tone: "neutral", label: "Not set up" }
      : window && archiver
        ? { tone: "success", label: "Available" }
        : { tone: "warning", label: "Window unknown" };
  return { badge, lines, alert: status.archiveFailure, setupCommand: status.setupCommand };
}

/** What a clinic's backups page says about restoring to a moment, on the clinic's clock. */
export type ClinicWindowView = {
  /** A window is known: its ends as datetime-local values and as words. */
  window: { from: string; to: string | null; fromText: string; toText: string } | null;
  /** One sentence for the page: the window, or why there is none, in plain words. */
  sentence: string;
  /** Changes are not being archived now: the window stopped growing (the operators must act). */
  stalled: boolean;
  /** For super admins: what is wrong and what to do (archive failure, setup command, unknown window). */
  operatorDetail: string | null;
  timeZone: string;
};

const momentFormats = new Map<string, Intl.DateTimeFormat>();

/** "Sun 29 Nov 2026, 03:00:01" on the clock of `timeZone` (from parts: ICU's punctuation differs between builds). */
export function formatMoment(at: Date, timeZone: string): string {
  let format = momentFormats.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat("en-GB", {
      weekday: "short",
      day: "numeric",
      month: "short",
      year: "numeric",
      hour: "2-digit",
      minute: "2-digit",
      second: "2-digit",
      hourCycle: "h23",
      timeZone,
    });
    momentFormats.set(timeZone, format);
  }
  const part = Object.fromEntries(format.formatToParts(at).map(({ type, value }) => [type, value]));
  return `${part.weekday} ${part.day} ${part.month} ${part.year}, ${part.hour}:${part.minute}:${part.second}`;
}

export function describeClinicWindow(status: PitrStatus | null, timeZone: string): ClinicWindowView {
  if (!status?.stanza) {
    return {
      window: null,
      sentence:
        "Point-in-time restore is not set up for this clinic's server: it can be restored only to one of its backups.",
      stalled: false,
      operatorDetail: status?.setupCommand
        ? `To set it up, run on the server's machine: ${status.setupCommand}`
        : null,
      timeZone,
    };
  }
  const { window } = status;
  if (!window) {
    return {
      window: null,
      sentence: "The moments this clinic can be restored to cannot be read right now.",
      stalled: Boolean(status.archiveFailure),
      operatorDetail: [status.windowProblem, status.archiveFailure].filter(Boolean).join(" ") || null,
      timeZone,
    };
  }
  const fromText = formatMoment(window.from, timeZone);
  const toText = status.windowReachesNow ? "now" : formatMoment(window.to, timeZone);
  const stalled = status.archiveFailure !== null;
  return {
    window: {
      from: instantToMoment(window.from, timeZone),
      to: status.windowReachesNow ? null : instantToMoment(window.to, timeZone),
      fromText,
      toText,
    },
    sentence: `Can be restored to any moment from ${fromText} to ${toText} (clinic time, ${timeZone}).${stalled ? " Changes since then are not being archived right now, so later moments cannot be restored until the platform's operators fix it." : ""}`,
    stalled,
    operatorDetail:
      status.archiveFailure ??
      (status.archiver ? null : "The server did not answer, so its archiving could not be checked."),
    timeZone,
  };
}
