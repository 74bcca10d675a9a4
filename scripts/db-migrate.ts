// npm run db:migrate [-- --rolled-back <migration>]: applies the central database's pending migrations.
import { parseArgs } from "node:util";
import { redactDatabaseUrl } from "../lib/db/database-url";
import { markMigrationRolledBack, SCHEMA_LOCATIONS } from "../lib/db/migrations";
import { connectPlatformDatabase, prepareCentralDatabase } from "../lib/db/platform";
import { runScript } from "./lib/run-script";

runScript(async () => {
  const { values } = parseArgs({ options: { "rolled-back": { type: "string" } } });
  const platform = await connectPlatformDatabase({});
  try {
    console.log(`central database: ${redactDatabaseUrl(platform.centralUrl)}`);
    const rolledBack = values["rolled-back"];
    if (rolledBack) {
      await markMigrationRolledBack({
        ...SCHEMA_LOCATIONS.central,
        connectionString: platform.centralUrl,
        migrationName: rolledBack,
      });
      console.log(`marked ${rolledBack} as rolled back; it will be applied again now`);
    }
    const { created, applied } = await prepareCentralDatabase(platform.centralUrl);
    if (created) console.log("created the central database");
    for (const name of applied) console.log(`applied ${name}`);
    console.log(applied.length ? `${applied.length} migration(s) applied` : "already up to date");
    return 0;
  } finally {
    await platform.embedded?.stop();
  }
});
