// npm run worker: the job worker alone, for deployments that run web processes without one
// (JOB_WORKER=off on them). Any number may run against one central database.
import { enforceConnectionPlan } from "../lib/tenancy/connection-plan";
import { startPlatformWorker } from "../lib/tenancy/job-worker";
import { runScript } from "./lib/run-script";
import { withCentral } from "./lib/with-central";

runScript(() =>
  withCentral(async (central) => {
    await enforceConnectionPlan({ central, role: "worker" });
    const worker = await startPlatformWorker({ central, log: (line) => console.log(line) });
    console.log(`job worker running (pid ${process.pid}); Ctrl-C or SIGTERM drains it`);
    await new Promise<void>((resolve) => {
      process.once("SIGTERM", resolve);
      process.once("SIGINT", resolve);
    });
    console.log("stopping: running jobs hand back at their next step (up to 10 s)");
    await worker.stop(jobDrainMs());
    return 0;
  }),
);

function jobDrainMs(): number {
  const ms = Number(process.env.JOB_DRAIN_MS ?? 10_000);
  return Number.isFinite(ms) && ms >= 0 ? ms : 10_000;
}
