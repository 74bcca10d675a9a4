import { hostname } from "node:os";
import type { CentralDb } from "../db/central";
import { AppError } from "../errors";
import type { Job, Prisma } from "../generated/central/client";
import { describeJobError, isTransientError, ReleasedError, SupersededError } from "./errors";
import { LOCK_SPACES, LockConnection } from "./locks";
import type { JobKind } from "./queue";
import { reapDeadJobs } from "./reaper";

/** One try at a job: its number, and the token that fences its writes. */
export type Attempt = {
  number: number;
  token: string;
  /** `job:<id>:<attempt>`: every database session of the attempt carries it, so a retry can end them. */
  applicationName: string;
};

export type JobContext = {
  job: Job;
  attempt: Attempt;
  central: CentralDb;
  /** The attempt's own connection: it holds the job's lock, and takes clinic locks. */
  locks: LockConnection;
  /** Earlier attempts ran (and failed, died or were handed back): objects they made may exist. */
  retry: boolean;
  /**
   * Runs `work` in a central transaction that first checks that this attempt is still the job's
   * current one (and keeps it so until commit): a superseded attempt can change no row.
   */
  fenced<T>(work: (tx: Prisma.TransactionClient) => Promise<T>): Promise<T>;
  /** Records the step under way (progress for consoles); stops here when the attempt must. */
  step(name: string): Promise<void>;
  /** Throws when the worker is stopping (ReleasedError) or lost the job's lock (SupersededError). */
  checkpoint(): void;
};

export type JobHandler = {
  run(ctx: JobContext): Promise<void>;
  /**
   * The job will not be tried again: undo or settle what its attempts left. Returns the sentence
   * the console shows as the job's outcome.
   */
  giveUp(ctx: JobContext, reason: string): Promise<string>;
};

export type JobHandlers = Partial<Record<JobKind, JobHandler>>;

export type JobRunnerOptions = {
  central: CentralDb;
  centralUrl: string;
  handlers: JobHandlers;
  /** Lines about jobs starting and ending (ids and kinds only). */
  log?: (line: string) => void;
};

type Claimed = { job: Job; attempt: Attempt; locks: LockConnection; failures: number };

/** Seconds before retry n after a transient failure: 2, 4, 8, … up to a minute. */
export function retryDelaySeconds(failures: number): number {
  return Math.min(2 ** failures, 60);
}

/**
 * Claims and runs jobs: used by the worker loop and by whoever waits for a job (a CLI, a request),
 * who helps run it rather than wait for a worker that may not be there.
 */
export class JobRunner {
  private readonly workerName = `${hostname()}:${process.pid}`;
  private readonly kinds: string[];

  constructor(private readonly options: JobRunnerOptions) {
    this.kinds = Object.keys(options.handlers);
  }

  get central(): CentralDb {
    return this.options.central;
  }

  /** Whether a job this runner can run is waiting (cheap: one query on the pool). */
  async hasReadyJob(): Promise<boolean> {
    const rows = await this.central.$queryRaw<{ ready: boolean }[]>`
      SELECT EXISTS (SELECT 1 FROM jobs WHERE state = 'QUEUED' AND run_after <= now() AND kind = ANY(${this.kinds})) AS ready`;
    return rows[0]?.ready === true;
  }

  /**
   * Takes a ready job (`jobId`'s, or the oldest) on a connection of its own that locks it for the
   * attempt's life, and records the attempt; null when none is ready or another worker took it.
   */
  async claim(jobId?: string, options: { evenIfNotDue?: boolean } = {}): Promise<Claimed | null> {
    const locks = await LockConnection.open(this.options.centralUrl, `job-worker:${this.workerName}`);
    try {
      await locks.query("BEGIN");
      const picked = await locks.query<{ id: string }>(
        `SELECT id FROM jobs
          WHERE state = 'QUEUED' AND (run_after <= now() OR $3) AND kind = ANY($1) AND ($2::uuid IS NULL OR id = $2::uuid)
          ORDER BY run_after, created_at
          FOR UPDATE SKIP LOCKED LIMIT 1`,
        [this.kinds, jobId ?? null, options.evenIfNotDue === true],
      );
      const id = picked.rows[0]?.id;
      if (!id) {
        await locks.query("ROLLBACK");
        await locks.close();
        return null;
      }
      await locks.query("SELECT pg_advisory_lock($1, hashtext($2))", [LOCK_SPACES.job, id]);
      const started = await locks.query<{ attempts: number }>(
        `UPDATE jobs SET state = 'RUNNING', attempts = attempts + 1, started_at = coalesce(started_at, now())
          WHERE id = $1 RETURNING attempts`,
        [id],
      );
      const number = started.rows[0]?.attempts ?? 1;
      const attempt = await locks.query<{ token: string; failures: number }>(
        `INSERT INTO job_attempts (id, job_id, number, token, worker)
           VALUES (gen_random_uuid(), $1, $2, gen_random_uuid(), $3)
         RETURNING token,
           (SELECT count(*)::int FROM job_attempts WHERE job_id = $1 AND state IN ('FAILED', 'DIED')) AS failures`,
        [id, number, this.workerName],
      );
      await locks.query("COMMIT");
      const applicationName = `job:${id}:${number}`;
      await locks.query(`SET application_name = '${applicationName}:lock'`);
      const job = await this.central.job.findUniqueOrThrow({ where: { id } });
      const row = attempt.rows[0];
      if (!row) throw new Error("The attempt row was not written.");
      this.options.log?.(`[jobs] ${job.kind} ${id}: attempt ${number} started`);
      return { job, locks, failures: row.failures, attempt: { number, token: row.token, applicationName } };
    } catch (error) {
      await locks.close();
      throw error;
    }
  }

  /**
   * Runs a claimed attempt to its end: success, retry later, hand back, or give up. Resolves with
   * the error that made it give up, if one did.
   */
  async run(claimed: Claimed, stop?: AbortSignal): Promise<unknown> {
    const { job, locks } = claimed;
    const handler = this.options.handlers[job.kind as JobKind];
    const ctx = this.contextOf(claimed, stop);
    try {
      if (!handler) throw new AppError("INVALID", `No handler for jobs of kind ${job.kind}.`);
      if (claimed.failures >= job.maxAttempts) {
        const outcome = await handler.giveUp(ctx, job.lastError ?? "It failed too many times.");
        await this.end(ctx, "FAILED", outcome);
      } else {
        await handler.run(ctx);
        await this.end(ctx, "SUCCEEDED", null);
      }
    } catch (error) {
      await this.settleFailure(ctx, claimed, handler, error);
      return error;
    } finally {
      await locks.close();
    }
    return undefined;
  }

  /**
   * Runs `jobId` to its end, helping: the caller that queued it runs it here at once (even while it
   * is reserved for its caller); later attempts run here when due, unless a worker is faster; while
   * another worker runs it, this waits, taking it back when that worker dies. Resolves with the
   * job (SUCCEEDED, or still under way when `timeoutMs` passed); rejects with the job's reason
   * when it FAILED.
   */
  async runUntilDone(jobId: string, options: { timeoutMs?: number } = {}): Promise<Job> {
    const deadline = Date.now() + (options.timeoutMs ?? Number.POSITIVE_INFINITY);
    let first = true;
    let failure: unknown;
    for (;;) {
      const job = await this.central.job.findUnique({ where: { id: jobId } });
      if (!job) throw new AppError("NOT_FOUND", "No such job.");
      if (job.state === "SUCCEEDED") return job;
      if (job.state === "FAILED") {
        // A refusal keeps its code (CONFLICT, INVALID) when it happened here; the words are the job's.
        const code = failure instanceof AppError ? failure.code : "UNAVAILABLE";
        throw new AppError(
          code,
          job.lastError ?? "It failed.",
          failure instanceof AppError ? failure.fields : undefined,
        );
      }
      const due = first || job.runAfter.getTime() <= Date.now();
      first = false;
      if (job.state === "QUEUED" && due) {
        const claimed = await this.claim(jobId, { evenIfNotDue: true });
        if (claimed) {
          failure = await this.run(claimed);
          continue;
        }
      }
      if (job.state === "RUNNING") await this.reap(jobId);
      if (Date.now() >= deadline) return job;
      await new Promise((resolve) => setTimeout(resolve, 150));
    }
  }

  /**
   * Takes back running jobs whose worker is gone (their lock is free); see reapDeadJobs.
   */
  reap(jobId?: string): Promise<number> {
    return reapDeadJobs({ ...this.options, workerName: this.workerName }, jobId);
  }

  private contextOf(claimed: Claimed, stop: AbortSignal | undefined): JobContext {
    const { job, attempt, locks } = claimed;
    const checkpoint = () => {
      if (locks.lost.aborted) throw new SupersededError();
      if (stop?.aborted) throw new ReleasedError();
    };
    const fenced = <T>(work: (tx: Prisma.TransactionClient) => Promise<T>) =>
      this.central.$transaction(async (tx) => {
        await assertCurrentAttempt(tx, attempt.token);
        return work(tx);
      });
    return {
      job,
      attempt,
      central: this.central,
      locks,
      retry: attempt.number > 1,
      fenced,
      checkpoint,
      step: async (name) => {
        checkpoint();
        await fenced((tx) => tx.job.update({ where: { id: job.id }, data: { step: name } }));
      },
    };
  }

  private async settleFailure(
    ctx: JobContext,
    claimed: Claimed,
    handler: JobHandler | undefined,
    error: unknown,
  ): Promise<void> {
    const { job } = claimed;
    if (error instanceof SupersededError || ctx.locks.lost.aborted) {
      this.options.log?.(`[jobs] ${job.kind} ${job.id}: attempt ${ctx.attempt.number} was superseded`);
      return;
    }
    try {
      if (error instanceof ReleasedError) {
        await this.end(ctx, "RELEASED", null);
        return;
      }
      const reason = describeJobError(error);
      if (isTransientError(error) && claimed.failures + 1 < job.maxAttempts) {
        await this.end(ctx, "RETRY", reason, retryDelaySeconds(claimed.failures + 1));
        return;
      }
      const outcome = handler
        ? await handler
            .giveUp(ctx, reason)
            .catch((undoError: unknown) => `${reason} Undoing it failed too: ${describeJobError(undoError)}`)
        : reason;
      await this.end(ctx, "FAILED", outcome);
    } catch (endError) {
      if (!(endError instanceof SupersededError)) throw endError;
    }
  }

  /** Closes the attempt and moves the job on, fenced like every write of the attempt. */
  private async end(
    ctx: JobContext,
    outcome: "SUCCEEDED" | "FAILED" | "RELEASED" | "RETRY",
    message: string | null,
    retryInSeconds = 0,
  ): Promise<void> {
    const { job, attempt } = ctx;
    await ctx.fenced(async (tx) => {
      await tx.jobAttempt.update({
        where: { token: attempt.token },
        data: { state: outcome === "RETRY" ? "FAILED" : outcome, endedAt: new Date(), error: message },
      });
      const requeue = outcome === "RELEASED" || outcome === "RETRY";
      await tx.job.update({
        where: { id: job.id },
        data: requeue
          ? { state: "QUEUED", runAfter: new Date(Date.now() + retryInSeconds * 1000), lastError: message }
          : {
              state: outcome === "SUCCEEDED" ? "SUCCEEDED" : "FAILED",
              finishedAt: new Date(),
              lastError: message,
            },
      });
      if (requeue) await tx.$executeRaw`SELECT pg_notify('job_queued', ${job.kind})`;
    });
    this.options.log?.(`[jobs] ${job.kind} ${job.id}: attempt ${attempt.number} ${outcome.toLowerCase()}`);
  }
}

async function assertCurrentAttempt(tx: Prisma.TransactionClient, token: string): Promise<void> {
  const rows = await tx.$queryRaw<{ state: string }[]>`
    SELECT state::text FROM job_attempts WHERE token = ${token}::uuid FOR SHARE`;
  if (rows[0]?.state !== "RUNNING") throw new SupersededError();
}
