import { DEMO_ACCOUNTS } from "@/lib/demo/seed";
import { ClinicDatabaseService } from "@/lib/tenancy/clinic-database-service";
import { withCentralDb } from "./central-db";

/** A clinic of the calling test's own, so suspending it cannot disturb specs that visit the demo clinics. */
export function provisionOwnClinic(clinic: {
  subdomain: string;
  name: string;
  /** Its central owner: the demo clinic admin unless the test brings an account of its own. */
  ownerEmail?: string;
}): Promise<void> {
  const { ownerEmail = DEMO_ACCOUNTS.clinicAdmin.email, ...details } = clinic;
  return withCentralDb(async (central) => {
    const owner = await central.user.findUniqueOrThrow({ where: { email: ownerEmail } });
    await new ClinicDatabaseService({ central }).provisionClinic({ ...details, ownerId: owner.id });
  });
}
