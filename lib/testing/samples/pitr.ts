import { settleBackgroundWork } from "../../background-work";
import { instantToMoment } from "../../pitr/restore-moment";
import type { Sample } from "../action-samples";

/** Samples for lib/actions/pitr (see ACTION_SAMPLES). */
export const PITR_SAMPLES: [string, Sample][] = [
  [
    // The second clinic, on a server with a stanza recorded whose repository is not on this machine:
    // the restore is queued (the action's work) and the job's check refuses it before touching anything.
    "pitr/restore-clinic-to-moment",
    async (world) => {
      await settleBackgroundWork();
      const clinic = await world.central.clinic.findUniqueOrThrow({
        where: { subdomain: world.other.subdomain },
      });
      await world.central.databaseServer.update({
        where: { id: clinic.databaseServerId as string },
        data: { pitrStanza: "sample", pitrConfigPath: "/nonexistent/pgbackrest.conf" },
      });
      return {
        clinicId: clinic.id,
        moment: instantToMoment(new Date(Date.now() - 60_000), "Europe/Berlin"),
        timeZone: "Europe/Berlin",
        confirmation: clinic.subdomain,
      };
    },
  ],
];
