import { describe, expect, it } from "vitest";
import type { FleetClinicResult, FleetSummary } from "../../lib/tenancy/fleet";
import { createFleetProgress, formatSummary } from "./progress";

const TARGET = "20990101000000_add_rooms";

function recorder(tty: boolean) {
  let output = "";
  let clock = 0;
  const progress = createFleetProgress({
    write: (text) => {
      output += text;
    },
    tty,
    columns: 120,
    now: () => clock,
  });
  return { progress, output: () => output, advance: (ms: number) => (clock += ms) };
}

const updated = (subdomain: string): FleetClinicResult => ({
  subdomain,
  status: "updated",
  applied: [TARGET],
  checked: true,
  durationMs: 42,
});
const failed = (subdomain: string): FleetClinicResult => ({
  subdomain,
  status: "failed",
  applied: [],
  error: `Migration ${TARGET} failed on clinic ${subdomain} (database clinic_${subdomain}_db): PostgreSQL said: boom`,
  checked: true,
  durationMs: 7,
});

function playRun(progress: ReturnType<typeof recorder>["progress"], advance: (ms: number) => void) {
  progress.onEvent({ type: "central", applied: [], pending: [] });
  progress.onEvent({ type: "start", runId: "r1", target: TARGET, total: 3, upToDate: 1, dryRun: false });
  progress.onEvent({ type: "clinic-start", subdomain: "alpha" });
  progress.onEvent({ type: "clinic-start", subdomain: "bravo" });
  advance(1500);
  progress.onEvent({ type: "clinic-done", result: updated("alpha"), done: 2, total: 3, failed: 0 });
  progress.onEvent({ type: "clinic-done", result: failed("bravo"), done: 3, total: 3, failed: 1 });
  progress.close();
}

describe("fleet progress", () => {
  it("prints one line per clinic as it lands when the output is not a terminal", () => {
    const { progress, output, advance } = recorder(false);
    playRun(progress, advance);

    expect(output()).not.toContain("\r");
    expect(output().split("\n")).toEqual([
      "central database: up to date",
      `target ${TARGET}: 3 clinics, 1 already recorded at it (--verify checks them), 2 to update`,
      `[2/3] alpha: updated ${TARGET} (42ms)`,
      `[3/3] bravo: failed: ${failed("bravo").error}`,
      "  fix it, then: npm run tenant:update-schema -- --failed",
      "",
    ]);
  });

  it("redraws one bar on a terminal, and keeps failures above it", () => {
    const { progress, output, advance } = recorder(true);
    playRun(progress, advance);

    expect(output()).toContain("\r\x1b[K[########----------------] 1/3 · 0 failed · 0ms · alpha, bravo");
    expect(output()).toContain("\r\x1b[K[################--------] 2/3 · 0 failed · 1.5s · bravo");
    expect(output()).toContain(`\r\x1b[K[3/3] bravo: failed: ${failed("bravo").error}\n`);
    expect(output()).not.toContain("alpha: updated");
    expect(output().endsWith("\r\x1b[K")).toBe(true);
  });
});

describe("formatSummary", () => {
  const summary = (results: FleetClinicResult[]): FleetSummary => ({
    runId: "r1",
    target: TARGET,
    dryRun: false,
    central: { applied: [], pending: [] },
    templates: [],
    results,
    failed: results.filter((result) => result.status === "failed").length,
    durationMs: 2300,
  });

  it("tabulates every clinic with its result, and says what to do about failures", () => {
    const text = formatSummary(summary([updated("alpha"), failed("bravo")]));

    expect(text.split("\n")).toEqual([
      "clinic  result   applied                   time  error",
      "------  -------  ------------------------  ----  -----",
      `alpha   updated  ${TARGET}  42ms`,
      `bravo   failed   -                         7ms   ${failed("bravo").error}`,
      "",
      "2 clinics: 1 updated, 1 failed in 2.3s (run r1)",
      "1 failed: fix them, then: npm run tenant:update-schema -- --failed",
      "",
    ]);
  });

  it("leaves out the clinics that were already up to date when there are many", () => {
    const upToDate = Array.from({ length: 30 }, (_, index) => ({
      subdomain: `clinic-${index}`,
      status: "up-to-date" as const,
      applied: [],
      checked: false,
      durationMs: 0,
    }));
    const text = formatSummary(summary([...upToDate, updated("zulu")]));

    expect(text).not.toContain("clinic-0");
    expect(text).toContain(`zulu    updated  ${TARGET}  42ms`);
    expect(text).toContain("(30 clinics already up to date not listed)");
    expect(text).toContain("31 clinics: 30 up-to-date, 1 updated in 2.3s");
  });
});
