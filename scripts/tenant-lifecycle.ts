// npm run tenant:suspend -- <subdomain> [--reason "..."] | npm run tenant:resume -- <subdomain>
import { parseArgs } from "node:util";
import { ClinicDatabaseService } from "../lib/tenancy/clinic-database-service";
import { auditCommand } from "./lib/command-audit";
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
    await auditCommand(central, {
      action: `clinic.${verb}`,
      subdomain,
      details: verb === "suspend" ? { reason: values.reason ?? null } : {},
    });
    const clinic =
      verb === "suspend"
        ? await service.suspendClinic(subdomain, values.reason)
        : await service.resumeClinic(subdomain);
    console.log(`${clinic.subdomain} is now ${verb === "suspend" ? "SUSPENDED" : "ACTIVE"}`);
    return 0;
  });
});
