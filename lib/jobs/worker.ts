import pg from "pg";
import type { JobRunner } from "./runner";

export type JobWorkerOptions = {
  centralUrl: string;
  /** Jobs run at once by this worker (JOB_CONCURRENCY, default 2). */
  concurrency?: number;
  /** How often to look for ready jobs without a notification (retries come due this way). */
  pollMs?: number;
  /** How often to look for jobs whose worker died. */
  reapMs?: number;
  log?: (line: string) => void;
};

/**
 * Runs jobs as they are queued (LISTEN job_queued, and a poll for retries that come due) and takes
 * back the jobs of dead workers. Any number of workers may run against one central database: a
 * job is claimed by exactly one (FOR UPDATE SKIP LOCKED), and held by its lock.
 */
export class JobWorker {
  private readonly running = new Set<Promise<void>>();
  private readonly stopController = new AbortController();
  private readonly timers: NodeJS.Timeout[] = [];
  private listener: pg.Client | undefined;
  private filling = false;
  private refill = false;

  constructor(
    private readonly runner: JobRunner,
    private readonly options: JobWorkerOptions,
  ) {}

  get busy(): number {
    return this.running.size;
  }

  async start(): Promise<void> {
    await this.listen();
    this.timers.push(setInterval(() => this.wake(), this.options.pollMs ?? 1_000));
    this.timers.push(setInterval(() => void this.reap(), this.options.reapMs ?? 2_000));
    this.wake();
  }

  /** Looks for work now. */
  wake(): void {
    void this.fill();
  }

  /**
   * A deploy is not a crash: stops taking jobs, asks running ones to hand back at their next step
   * boundary, and waits up to `graceMs`. A job still running then is left to its lock: when this
   * process exits, another worker takes it back within seconds.
   */
  async stop(graceMs = 10_000): Promise<void> {
    if (this.stopController.signal.aborted) return;
    this.stopController.abort();
    for (const timer of this.timers) clearInterval(timer);
    await this.listener?.end().catch(() => {});
    let timeout: NodeJS.Timeout | undefined;
    await Promise.race([
      Promise.allSettled([...this.running]),
      new Promise((resolve) => {
        timeout = setTimeout(resolve, graceMs);
      }),
    ]);
    clearTimeout(timeout);
  }

  private get stopping(): boolean {
    return this.stopController.signal.aborted;
  }

  private async fill(): Promise<void> {
    if (this.filling) {
      this.refill = true;
      return;
    }
    this.filling = true;
    try {
      do {
        this.refill = false;
        while (!this.stopping && this.running.size < (this.options.concurrency ?? 2)) {
          if (!(await this.runner.hasReadyJob())) break;
          const claimed = await this.runner.claim();
          if (!claimed) break;
          const run: Promise<void> = this.runner
            .run(claimed, this.stopController.signal)
            .then(() => undefined)
            .catch((error: unknown) => this.log(`[jobs] a job ended with ${nameOf(error)}`))
            .finally(() => {
              this.running.delete(run);
              this.wake();
            });
          this.running.add(run);
        }
      } while (this.refill && !this.stopping);
    } catch (error) {
      // The central database is away: the next poll tries again.
      this.log(`[jobs] could not look for jobs: ${nameOf(error)}`);
    } finally {
      this.filling = false;
    }
  }

  private async reap(): Promise<void> {
    if (this.stopping) return;
    try {
      if ((await this.runner.reap()) > 0) this.wake();
    } catch (error) {
      this.log(`[jobs] could not check for dead workers: ${nameOf(error)}`);
    }
  }

  private async listen(): Promise<void> {
    const client = new pg.Client({
      connectionString: this.options.centralUrl,
      application_name: "job-worker:listen",
      connectionTimeoutMillis: 10_000,
      keepAlive: true,
    });
    client.on("notification", () => this.wake());
    client.on("error", () => {});
    client.on("end", () => {
      if (this.stopping) return;
      // Notifications are only a shortcut (the poll finds every job): reconnect quietly.
      setTimeout(() => void this.listen().catch(() => {}), 1_000).unref();
    });
    await client.connect();
    await client.query("LISTEN job_queued");
    this.listener = client;
  }

  private log(line: string): void {
    (this.options.log ?? console.log)(line);
  }
}

function nameOf(error: unknown): string {
  return error instanceof Error ? error.name : "an error";
}
