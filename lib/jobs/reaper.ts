import type { CentralDb } from "../db/central";
import { LockConnection } from "./locks";

/**
 * Takes back running jobs whose worker is gone: their lock is free. Each goes back to the queue
 * at once (its next attempt resumes, or gives up when it has failed too often) and its attempt is
 * marked DIED, which fences off anything that attempt may still try to write.
 */
export async function reapDeadJobs(
  options: { central: CentralDb; centralUrl: string; workerName: string; log?: (line: string) => void },
  jobId?: string,
): Promise<number> {
  const running = await options.central.job.findMany({
    where: { state: "RUNNING", ...(jobId ? { id: jobId } : {}) },
    select: { id: true },
  });
  if (running.length === 0) return 0;
  const locks = await LockConnection.open(options.centralUrl, `job-reaper:${options.workerName}`);
  let reaped = 0;
  try {
    for (const { id } of running) {
      if (!(await locks.tryLock("job", id))) continue;
      try {
        await locks.query("BEGIN");
        const taken = await locks.query(
          `UPDATE jobs SET state = 'QUEUED', run_after = now(),
                  last_error = 'The process running it stopped; it was taken up again.'
            WHERE id = $1 AND state = 'RUNNING'`,
          [id],
        );
        await locks.query(
          `UPDATE job_attempts SET state = 'DIED', ended_at = now(), error = 'Its worker stopped.'
            WHERE job_id = $1 AND state = 'RUNNING'`,
          [id],
        );
        await locks.query("SELECT pg_notify('job_queued', 'reaped')");
        await locks.query("COMMIT");
        if (taken.rowCount) {
          reaped += 1;
          options.log?.(`[jobs] ${id}: its worker died; queued again`);
        }
      } finally {
        await locks.unlock("job", id);
      }
    }
  } finally {
    await locks.close();
  }
  return reaped;
}
