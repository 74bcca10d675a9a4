import type { CentralDb } from "../db/central";
import { ClinicDatabaseService } from "../tenancy/clinic-database-service";

/** The service the console works through, on this process's env (TENANT_NAME_PREFIX, reservation days). */
export function getClinicService(central: CentralDb): ClinicDatabaseService {
  return new ClinicDatabaseService({ central });
}
