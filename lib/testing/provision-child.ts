// A process that provisions one clinic and can be killed at a chosen step: the crash tests and
// `npm run fault:provision` run it. Usage (env: TENANT_NAME_PREFIX, TENANT_SECRETS_KEY):
//   tsx lib/testing/provision-child.ts <centralUrl> <subdomain> <ownerId> [pause-at-step]
// It prints "step <name>" as each step begins and "paused <name>" before waiting forever there.
import { createCentralClient } from "../db/central";
import { ClinicDatabaseService } from "../tenancy/clinic-database-service";

const [centralUrl, subdomain, ownerId, pauseAt] = process.argv.slice(2);
if (!centralUrl || !subdomain || !ownerId) {
  console.error("usage: provision-child.ts <centralUrl> <subdomain> <ownerId> [pause-at-step]");
  process.exit(2);
}
const central = createCentralClient(centralUrl, 2);
const service = new ClinicDatabaseService({
  central,
  env: process.env,
  onStep: async (step) => {
    process.stdout.write(`step ${step}\n`);
    if (step !== pauseAt) return;
    process.stdout.write(`paused ${step}\n`);
    await new Promise(() => {});
  },
});
const { job, finished } = await service.startProvisioning({ name: `Crash ${subdomain}`, subdomain, ownerId });
process.stdout.write(`job ${job.id}\n`);
await finished;
process.stdout.write("done\n");
await central.$disconnect();
