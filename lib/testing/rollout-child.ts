// A process that runs a schema rollout job and can be killed mid-way: `npm run fault:fleet` runs it.
// Usage (env: TENANT_NAME_PREFIX, TENANT_SECRETS_KEY):
//   tsx lib/testing/rollout-child.ts <centralUrl> <tenant-migrations-dir> <concurrency>
// It prints "job <id>", then "done <n>/<total>" as each clinic lands, then "finished".
import { createCentralClient } from "../db/central";
import { SCHEMA_LOCATIONS } from "../db/migrations";
import { runRolloutHere } from "../tenancy/fleet-job";

const [centralUrl, migrationsDir, concurrency] = process.argv.slice(2);
if (!centralUrl || !migrationsDir || !concurrency) {
  console.error("usage: rollout-child.ts <centralUrl> <tenant-migrations-dir> <concurrency>");
  process.exit(2);
}
const central = createCentralClient(centralUrl, Number(concurrency) + 2);
await runRolloutHere({
  central,
  env: process.env,
  schema: { schemaPath: SCHEMA_LOCATIONS.tenant.schemaPath, migrationsDir },
  payload: { concurrency: Number(concurrency) },
  onJob: (job) => process.stdout.write(`job ${job.id}\n`),
  onEvent: (event) => {
    if (event.type === "clinic-done") process.stdout.write(`done ${event.done}/${event.total}\n`);
  },
});
process.stdout.write("finished\n");
await central.$disconnect();
