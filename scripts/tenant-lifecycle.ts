// npm run tenant:suspend -- <subdomain> [--reason "..."] | npm run tenant:resume -- <subdomain>
import { parseArgs } from "node:util";
import { AppError } from "../lib/errors";
import { ClinicDatabaseService } from "../lib/tenancy/clinic-database-service";
import { runScript, UsageError } from "./lib/run-script";
import { withCentral } from "./lib/with-central";

runScript(async () => {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: { reason: { type: "string" } },
  });
  const [verb, subdomain] = positionals;
  if ((verb !== "suspend" && verb !== "resume") || !subdomain) {
    throw new UsageError(
      'usage: npm run tenant:suspend -- <subdomain> [--reason "..."] | npm run tenant:resume -- <subdomain>',
    );
  }
  return withCentral(async (central) => {
    const service = new ClinicDatabaseService({ central });
    try {
      const clinic =
        verb === "suspend"
          ? await service.suspendClinic(subdomain, values.reason)
          : await service.resumeClinic(subdomain);
      console.log(`${clinic.subdomain} is now ${verb === "suspend" ? "SUSPENDED" : "ACTIVE"}`);
      return 0;
    } catch (error) {
      if (!(error instanceof AppError)) throw error;
      console.error(`error: ${error.message}`);
      return 1;
    }
  });
});
