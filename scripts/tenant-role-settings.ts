// npm run tenant:role-settings [-- --dry-run] [--json]: gives every clinic role the statement and
// lock timeouts it should carry (ALTER ROLE … SET), e.g. for clinics made before roles carried
// them, or after DB_CONNECT_TIMEOUT_MS / DB_QUERY_TIMEOUT_MS changed. Running it again changes nothing.
import { parseArgs } from "node:util";
import { backfillClinicRoleSettings, clinicRoleSettings } from "../lib/tenancy/clinic-role-settings";
import { runScript } from "./lib/run-script";
import { withCentral } from "./lib/with-central";

runScript(async () => {
  const { values } = parseArgs({
    options: { "dry-run": { type: "boolean", default: false }, json: { type: "boolean", default: false } },
  });
  const dryRun = values["dry-run"];
  const settings = clinicRoleSettings();
  return withCentral(async (central) => {
    const outcomes = await backfillClinicRoleSettings({ central, settings, dryRun });
    if (values.json) {
      console.log(JSON.stringify({ settings, dryRun, servers: outcomes }, null, 2));
    } else {
      const wanted = Object.entries(settings)
        .map(([name, value]) => `${name} = ${value} ms`)
        .join(", ");
      console.log(`clinic roles should carry ${wanted}`);
      for (const outcome of outcomes) {
        if (outcome.error) console.log(`  ${outcome.server}: not done: ${outcome.error}`);
        else
          console.log(
            `  ${outcome.server}: ${outcome.updated.length} ${dryRun ? "to update" : "updated"}, ${outcome.unchanged} already set`,
          );
      }
    }
    return outcomes.some((outcome) => outcome.error) ? 1 : 0;
  });
});
