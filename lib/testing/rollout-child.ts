// A process that runs a schema rollout job and can be killed mid-way: `npm run fault:fleet` runs it.
// Usage (env: TENANT_NAME_PREFIX, TENANT_SECRETS_KEY):
//   tsx lib/testing/rollout-child.ts <centralUrl> <tenant-migrations-dir> <concurrency>
// It prints "job <id>", then "done <n>/<total>" as each clinic lands, then "finished".
import { createCentralClient } from "../db/central";
import { SCHEMA_LOCATIONS } from "../db/migrations";
import { enqueueJob } from "../jobs/queue";
import { JobRunner } from "../jobs/runner";
import { fleetJobHandler } from "../tenancy/fleet-job";

const [centralUrl, migrationsDir, concurrency] = process.argv.slice(2);
if (!centralUrl || !migrationsDir || !concurrency) {
  console.error("usage: rollout-child.ts <centralUrl> <tenant-migrations-dir> <concurrency>");
  process.exit(2);
}
const central = createCentralClient(centralUrl, Number(concurrency) + 2);
const runner = new JobRunner({
  central,
  centralUrl,
  handlers: {
    "fleet-rollout": fleetJobHandler({
      env: process.env,
      schema: { schemaPath: SCHEMA_LOCATIONS.tenant.schemaPath, migrationsDir },
      onEvent: (event) => {
        if (event.type === "clinic-done") process.stdout.write(`done ${event.done}/${event.total}\n`);
      },
    }),
  },
});
const job = await central.$transaction((tx) =>
  enqueueJob(tx, { kind: "fleet-rollout", payload: { concurrency: Number(concurrency) }, maxAttempts: 5 }),
);
process.stdout.write(`job ${job.id}\n`);
await runner.runUntilDone(job.id);
process.stdout.write("finished\n");
await central.$disconnect();
