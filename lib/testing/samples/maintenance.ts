import type { Sample } from "../action-samples";

/** Samples for lib/actions/maintenance (see ACTION_SAMPLES). */
export const MAINTENANCE_SAMPLES: [string, Sample][] = [
  [
    "maintenance/start-clinic-maintenance",
    async (world) => ({ subdomain: world.clinic.subdomain, operation: "vacuum" }),
  ],
  [
    "maintenance/get-maintenance-job",
    async (world) => ({
      jobId: (await world.central.job.create({ data: { kind: "vacuum-clinic", state: "SUCCEEDED" } })).id,
    }),
  ],
  // A pid no live session has: the action answers that the session had already ended.
  [
    "maintenance/stop-session",
    async (world) => ({
      serverId: (await world.central.databaseServer.findFirstOrThrow({ where: { isDefault: true } })).id,
      pid: 2_147_483_000,
      mode: "cancel",
    }),
  ],
];
