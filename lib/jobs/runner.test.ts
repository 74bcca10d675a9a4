import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Job } from "../generated/central/client";
import { createTestPlatform, type TestPlatform } from "../testing/platform";
import { SupersededError } from "./errors";
import { enqueueJob } from "./queue";
import { type JobContext, type JobHandler, JobRunner } from "./runner";
import { JobWorker } from "./worker";

let platform: TestPlatform;

beforeAll(async () => {
  platform = await createTestPlatform();
});

afterAll(async () => {
  await platform.cleanup();
});

function runnerWith(handler: JobHandler): JobRunner {
  return new JobRunner({
    central: platform.central,
    centralUrl: platform.centralUrl,
    handlers: { "suspend-clinic": handler },
  });
}

/** A job of a clinic of its own (no clinic row is needed: the jobs here only write their own rows). */
async function queueJob(maxAttempts = 5): Promise<Job> {
  return platform.central.$transaction((tx) =>
    enqueueJob(tx, { kind: "suspend-clinic", clinicId: crypto.randomUUID(), maxAttempts }),
  );
}

async function attemptsOf(jobId: string) {
  return platform.central.jobAttempt.findMany({ where: { jobId }, orderBy: { number: "asc" } });
}

/** A handler whose attempts record themselves in the job's step, so a test sees which attempt wrote. */
const stepWriter: JobHandler = {
  run: (ctx) => ctx.step(`written by attempt ${ctx.attempt.number}`),
  giveUp: async (_ctx, reason) => reason,
};

describe("jobs", () => {
  it("runs a job once: one attempt, SUCCEEDED", async () => {
    const job = await queueJob();
    const done = await runnerWith(stepWriter).runUntilDone(job.id);
    expect(done).toMatchObject({ state: "SUCCEEDED", attempts: 1, step: "written by attempt 1" });
    expect((await attemptsOf(job.id)).map((a) => a.state)).toEqual(["SUCCEEDED"]);
  });

  it("leaves a job whose worker is alive alone, and takes back one whose worker died (its lock is free)", async () => {
    const runner = runnerWith(stepWriter);
    const job = await queueJob();
    const claimed = await runner.claim(job.id, { evenIfNotDue: true });
    if (!claimed) throw new Error("not claimed");
    expect(await runner.reap()).toBe(0);
    await claimed.locks.close(); // the worker's connection dies, as with kill -9
    expect(await runner.reap()).toBe(1);
    expect(await platform.central.job.findUniqueOrThrow({ where: { id: job.id } })).toMatchObject({
      state: "QUEUED",
      lastError: "The process running it stopped; it was taken up again.",
    });
    expect((await attemptsOf(job.id)).map((a) => a.state)).toEqual(["DIED"]);
  });

  it("fences a superseded attempt: once taken back, nothing it writes lands, and the next attempt finishes", async () => {
    let zombie: JobContext | undefined;
    const runner = runnerWith({
      run: async (ctx) => {
        if (ctx.attempt.number === 1) {
          zombie = ctx;
          await ctx.step("attempt 1 began");
          await ctx.locks.close(); // its lock connection is lost; the process runs on (a zombie)
          await runner.reap();
          await ctx.fenced((tx) =>
            tx.job.update({ where: { id: ctx.job.id }, data: { step: "zombie wrote" } }),
          );
        }
        await ctx.step(`written by attempt ${ctx.attempt.number}`);
      },
      giveUp: async (_ctx, reason) => reason,
    });
    const job = await queueJob();
    const done = await runner.runUntilDone(job.id);
    expect(done).toMatchObject({ state: "SUCCEEDED", step: "written by attempt 2" });
    expect((await attemptsOf(job.id)).map((a) => a.state)).toEqual(["DIED", "SUCCEEDED"]);
    // Even later, the first attempt's writes are refused.
    await expect(
      zombie?.fenced((tx) => tx.job.update({ where: { id: job.id }, data: { step: "late" } })),
    ).rejects.toThrow(SupersededError);
    expect((await platform.central.job.findUniqueOrThrow({ where: { id: job.id } })).step).toBe(
      "written by attempt 2",
    );
  });

  it("retries a transient failure after a delay, and gives up with the handler's words after the last attempt", async () => {
    const outage = Object.assign(new Error("connect ECONNREFUSED 127.0.0.1:5999"), { code: "ECONNREFUSED" });
    const gaveUp: string[] = [];
    const runner = runnerWith({
      run: async () => {
        throw outage;
      },
      giveUp: async (_ctx, reason) => {
        gaveUp.push(reason);
        return `Gave up: ${reason}`;
      },
    });
    const job = await queueJob(2);
    const after1 = await runner.runUntilDone(job.id, { timeoutMs: 0 });
    expect(after1).toMatchObject({ state: "QUEUED", lastError: "connect ECONNREFUSED 127.0.0.1:5999." });
    expect(after1.runAfter.getTime()).toBeGreaterThan(Date.now());
    await platform.central.job.update({ where: { id: job.id }, data: { runAfter: new Date() } });
    await expect(runner.runUntilDone(job.id)).rejects.toThrow(
      "Gave up: connect ECONNREFUSED 127.0.0.1:5999.",
    );
    expect(gaveUp).toEqual(["connect ECONNREFUSED 127.0.0.1:5999."]);
    expect((await attemptsOf(job.id)).map((a) => a.state)).toEqual(["FAILED", "FAILED"]);
  });

  it("gives up at once on an error that would happen again, keeping a refusal's code", async () => {
    const runner = runnerWith({
      run: async () => {
        throw new (await import("../errors")).AppError("CONFLICT", "Busy elsewhere.");
      },
      giveUp: async (_ctx, reason) => reason,
    });
    const job = await queueJob();
    await expect(runner.runUntilDone(job.id)).rejects.toMatchObject({
      code: "CONFLICT",
      message: "Busy elsewhere.",
    });
  });

  it("refuses a second job for a clinic while one is queued", async () => {
    const clinicId = crypto.randomUUID();
    await platform.central.$transaction((tx) => enqueueJob(tx, { kind: "suspend-clinic", clinicId }));
    await expect(
      platform.central.$transaction((tx) => enqueueJob(tx, { kind: "resume-clinic", clinicId })),
    ).rejects.toThrow("The clinic is being suspended right now. Try again when that has finished.");
    await platform.central.job.deleteMany({ where: { clinicId } });
  });

  it("a worker runs queued jobs, takes back a dead worker's job within seconds, and drains on stop", async () => {
    const started: number[] = [];
    let release: () => void = () => {};
    const blocked = new Promise<void>((resolve) => {
      release = resolve;
    });
    const runner = runnerWith({
      run: async (ctx) => {
        started.push(ctx.attempt.number);
        if (ctx.attempt.number === 1) await blocked;
        ctx.checkpoint();
        await ctx.step("done");
      },
      giveUp: async (_ctx, reason) => reason,
    });
    // A job whose worker died: claimed, then its connection closed.
    const job = await queueJob();
    const dead = await runner.claim(job.id, { evenIfNotDue: true });
    await dead?.locks.close();
    const worker = new JobWorker(runner, {
      centralUrl: platform.centralUrl,
      pollMs: 200,
      reapMs: 500,
      log: () => {},
    });
    const diedAt = Date.now();
    await worker.start();
    try {
      await expect
        .poll(async () => (await platform.central.job.findUniqueOrThrow({ where: { id: job.id } })).state, {
          timeout: 15_000,
        })
        .toBe("SUCCEEDED");
      expect(Date.now() - diedAt).toBeLessThan(15_000);
      // Draining: a running job hands itself back at its next step.
      await expect.poll(() => worker.busy, { timeout: 10_000 }).toBe(0);
      const second = await queueJob();
      await platform.central.job.update({ where: { id: second.id }, data: { runAfter: new Date() } });
      worker.wake();
      await expect
        .poll(
          async () => (await platform.central.job.findUniqueOrThrow({ where: { id: second.id } })).state,
          {
            timeout: 10_000,
          },
        )
        .toBe("RUNNING");
      const stopping = worker.stop(5_000);
      release();
      await stopping;
      const handedBack = await platform.central.job.findUniqueOrThrow({ where: { id: second.id } });
      expect(handedBack.state).toBe("QUEUED");
      expect((await attemptsOf(second.id)).map((a) => a.state)).toEqual(["RELEASED"]);
    } finally {
      release();
      await worker.stop(0);
    }
  });
});
