import type { FleetClinicResult, FleetEvent, FleetSummary } from "../../lib/tenancy/fleet";

export const RETRY_FAILED_COMMAND = "npm run tenant:update-schema -- --failed";

export type ProgressOptions = {
  write: (text: string) => void;
  /** One redrawn bar on a terminal; one line per clinic otherwise (logs, CI). */
  tty: boolean;
  columns?: number;
  now?: () => number;
};

export type FleetProgress = { onEvent: (event: FleetEvent) => void; close: () => void };

/** Shows a fleet run as it goes: what happened centrally, then each clinic as it lands. */
export function createFleetProgress(options: ProgressOptions): FleetProgress {
  const now = options.now ?? Date.now;
  // A terminal that reports no size (0 columns) gets a common default.
  const width = options.columns && options.columns >= 40 ? options.columns : 100;
  const startedAt = now();
  const current = new Set<string>();
  const state = { done: 0, total: 0, failed: 0, barShown: false };
  let timer: NodeJS.Timeout | undefined;

  const clearBar = () => {
    if (state.barShown) options.write("\r\x1b[K");
    state.barShown = false;
  };
  const drawBar = () => {
    if (!options.tty || state.total === 0) return;
    const line = formatBar({ ...state, current: [...current], elapsedMs: now() - startedAt });
    options.write(`\r\x1b[K${line.slice(0, width - 1)}`);
    state.barShown = true;
  };
  // Lines that stay: on a terminal they go above the bar, which is drawn again under them.
  const print = (line: string) => {
    clearBar();
    options.write(`${line}\n`);
    drawBar();
  };

  const onEvent = (event: FleetEvent) => {
    switch (event.type) {
      case "central":
        print(describeCentral(event));
        return;
      case "template":
        print(describeTemplate(event.template));
        return;
      case "start":
        Object.assign(state, { total: event.total, done: event.upToDate });
        print(describeStart(event));
        if (options.tty) timer = setInterval(drawBar, 500).unref();
        return;
      case "clinic-start":
        current.add(event.subdomain);
        drawBar();
        return;
      case "clinic-done":
        current.delete(event.result.subdomain);
        Object.assign(state, { done: event.done, failed: event.failed });
        if (!options.tty || event.result.status === "failed") print(describeClinic(event.result, event));
        else drawBar();
        return;
      case "stopped":
        print(
          `The canary failed: stopped before the other ${clinics(event.skipped)}. Fix it, then run again.`,
        );
        return;
    }
  };

  return {
    onEvent,
    close: () => {
      if (timer) clearInterval(timer);
      clearBar();
    },
  };
}

export function formatBar(state: {
  done: number;
  total: number;
  failed: number;
  current: string[];
  elapsedMs: number;
}): string {
  const width = 24;
  const filled = state.total ? Math.round((state.done / state.total) * width) : width;
  const parts = [
    `[${"#".repeat(filled)}${"-".repeat(width - filled)}] ${state.done}/${state.total}`,
    `${state.failed} failed`,
    formatDuration(state.elapsedMs),
  ];
  if (state.current.length) parts.push(state.current.join(", "));
  return parts.join(" · ");
}

function describeCentral(event: { applied: string[]; pending: string[] }): string {
  if (event.pending.length) return `central database: would apply ${event.pending.join(", ")}`;
  if (event.applied.length) return `central database: applied ${event.applied.join(", ")}`;
  return "central database: up to date";
}

function describeTemplate(template: FleetSummary["templates"][number]): string {
  if (template.error) return `warning: ${template.error}`;
  const state = template.applied.length ? `applied ${template.applied.join(", ")}` : "up to date";
  return `template ${template.database} on server ${template.server}: ${state}`;
}

function describeStart(event: Extract<FleetEvent, { type: "start" }>): string {
  const recorded = event.upToDate ? `, ${event.upToDate} already recorded at it (--verify checks them)` : "";
  const verb = event.dryRun ? "to inspect" : "to update";
  return `target ${event.target}: ${clinics(event.total)}${recorded}, ${event.total - event.upToDate} ${verb}`;
}

function describeClinic(result: FleetClinicResult, at: { done: number; total: number }): string {
  const head = `[${at.done}/${at.total}] ${result.subdomain}: ${result.status}`;
  if (result.status === "failed") return `${head}: ${result.error}\n  fix it, then: ${RETRY_FAILED_COMMAND}`;
  const retried = result.retried ? " (its earlier failed attempt was marked rolled back first)" : "";
  const applied = result.applied.length ? ` ${result.applied.join(", ")}` : "";
  return `${head}${applied}${retried} (${formatDuration(result.durationMs)})`;
}

const clinics = (count: number) => `${count} ${count === 1 ? "clinic" : "clinics"}`;

export function formatDuration(ms: number): string {
  return ms < 1000 ? `${Math.round(ms)}ms` : `${(ms / 1000).toFixed(1)}s`;
}

// Beyond this many clinics the table leaves out the ones that were already up to date.
const FULL_TABLE_LIMIT = 20;

/** The end of a run: a table of the clinics, the totals, and what to do next. */
export function formatSummary(summary: FleetSummary): string {
  const listed =
    summary.results.length > FULL_TABLE_LIMIT
      ? summary.results.filter((result) => result.status !== "up-to-date")
      : summary.results;
  const rows = listed.map((result) => [
    result.subdomain,
    result.status,
    result.applied.join(", ") || "-",
    result.checked ? formatDuration(result.durationMs) : "-",
    result.error ?? "",
  ]);
  const lines = rows.length ? formatTable(["clinic", "result", "applied", "time", "error"], rows) : [];
  const hidden = summary.results.length - listed.length;
  if (hidden) lines.push(`(${clinics(hidden)} already up to date not listed)`);
  lines.push("", describeTotals(summary), ...nextSteps(summary));
  return `${lines.join("\n")}\n`;
}

function describeTotals(summary: FleetSummary): string {
  const counts = new Map<string, number>();
  for (const result of summary.results) counts.set(result.status, (counts.get(result.status) ?? 0) + 1);
  const parts = [...counts].map(([status, count]) => `${count} ${status}`);
  const run = summary.runId ? ` (run ${summary.runId})` : "";
  return `${clinics(summary.results.length)}: ${parts.join(", ") || "none selected"} in ${formatDuration(summary.durationMs)}${run}`;
}

function nextSteps(summary: FleetSummary): string[] {
  const steps: string[] = [];
  if (summary.dryRun) steps.push("Dry run: nothing was changed. Run again without --dry-run to apply.");
  if (summary.failed) steps.push(`${summary.failed} failed: fix them, then: ${RETRY_FAILED_COMMAND}`);
  return steps;
}

export function formatTable(header: string[], rows: string[][]): string[] {
  const widths = header.map((title, column) =>
    Math.max(
      title.length,
      ...rows.map((row) => (column === header.length - 1 ? 0 : (row[column] ?? "").length)),
    ),
  );
  const format = (cells: string[]) =>
    cells
      .map((cell, column) => (column === cells.length - 1 ? cell : cell.padEnd(widths[column] ?? 0)))
      .join("  ")
      .trimEnd();
  return [format(header), format(widths.map((width) => "-".repeat(width))), ...rows.map(format)];
}
