import { execFileSync } from "node:child_process";
import { readdirSync, readFileSync } from "node:fs";

export type ProcessUsage = {
  /** User + system CPU seconds of the process and every process under it, since each started. */
  cpuSeconds: number;
  /** Resident memory of the process and everything under it, in bytes. */
  rssBytes: number;
};

const ticksPerSecond = Number(execFileSync("getconf", ["CLK_TCK"]).toString().trim()) || 100;
const pageBytes = Number(execFileSync("getconf", ["PAGESIZE"]).toString().trim()) || 4096;

/** Reads /proc for `pid` and its descendants (Linux only); a process that has exited counts 0. */
export function readProcessUsage(pid: number): ProcessUsage {
  const stats = new Map<number, { parent: number; cpuSeconds: number; rssBytes: number }>();
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    const stat = readStat(Number(entry));
    if (stat) stats.set(Number(entry), stat);
  }
  const usage: ProcessUsage = { cpuSeconds: 0, rssBytes: 0 };
  const visit = (current: number) => {
    const stat = stats.get(current);
    if (!stat) return;
    usage.cpuSeconds += stat.cpuSeconds;
    usage.rssBytes += stat.rssBytes;
    for (const [child, { parent }] of stats) if (parent === current) visit(child);
  };
  visit(pid);
  return usage;
}

function readStat(pid: number) {
  try {
    const text = readFileSync(`/proc/${pid}/stat`, "utf8");
    // The command name, in parentheses, may itself hold spaces and parentheses.
    const fields = text.slice(text.lastIndexOf(")") + 2).split(" ");
    return {
      parent: Number(fields[1]),
      cpuSeconds: (Number(fields[11]) + Number(fields[12])) / ticksPerSecond,
      rssBytes: Number(fields[21]) * pageBytes,
    };
  } catch {
    return undefined;
  }
}

export type MachineCpu = { busySeconds: number; totalSeconds: number };

/** Core-seconds the whole machine spent busy and in all since boot (/proc/stat; idle and iowait are not busy). */
export function readMachineCpu(): MachineCpu {
  const line = readFileSync("/proc/stat", "utf8").split("\n")[0] ?? "";
  const ticks = line.trim().split(/\s+/).slice(1, 9).map(Number);
  const total = ticks.reduce((sum, n) => sum + n, 0);
  const idle = (ticks[3] ?? 0) + (ticks[4] ?? 0);
  return { busySeconds: (total - idle) / ticksPerSecond, totalSeconds: total / ticksPerSecond };
}
