import { DEMO_ACCOUNTS } from "@/lib/demo/seed";
import { ClinicDatabaseService } from "@/lib/tenancy/clinic-database-service";
import { withCentralDb } from "./central-db";

/** A clinic of the calling test's own, so suspending it cannot disturb specs that visit the demo clinics. */
export function provisionOwnClinic(clinic: { subdomain: string; name: string }): Promise<void> {
  return withCentralDb(async (central) => {
    const owner = await central.user.findUniqueOrThrow({ where: { email: DEMO_ACCOUNTS.clinicAdmin.email } });
    await new ClinicDatabaseService({ central }).provisionClinic({ ...clinic, ownerId: owner.id });
  });
}
