import { settleBackgroundWork } from "../../background-work";
import type { Sample, SampleWorld } from "../action-samples";

/**
 * A second registered server, draining so no new clinic goes there: a move to it is queued (the
 * action's work) and then refused by the job's check before anything is made on either server.
 */
async function spareServer(world: SampleWorld) {
  const home = await world.central.databaseServer.findFirstOrThrow({ where: { isDefault: true } });
  const { host, port, adminUser, adminPasswordEncrypted } = home;
  return world.central.databaseServer.upsert({
    where: { name: "sample-spare" },
    create: { name: "sample-spare", host, port, adminUser, adminPasswordEncrypted, status: "DRAINING" },
    update: {},
  });
}

/** Samples for lib/actions/moves (see ACTION_SAMPLES). */
export const MOVES_SAMPLES: [string, Sample][] = [
  [
    // The second clinic: a move takes its lock while the job runs, which no other sample then meets.
    "moves/move-clinic",
    async (world) => {
      await settleBackgroundWork();
      const clinic = await world.central.clinic.findUniqueOrThrow({
        where: { subdomain: world.other.subdomain },
      });
      return {
        clinicId: clinic.id,
        toServerId: (await spareServer(world)).id,
        confirmation: clinic.subdomain,
      };
    },
  ],
  [
    "moves/get-move-job",
    async (world) => ({
      jobId: (await world.central.job.create({ data: { kind: "move-clinic", state: "SUCCEEDED" } })).id,
    }),
  ],
];
