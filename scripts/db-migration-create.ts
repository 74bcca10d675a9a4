// npm run db:migration:create -- --name <name> [--tenant]: a new migration from the change to a schema file.
import path from "node:path";
import { parseArgs } from "node:util";
import { createMigration, NothingToMigrateError } from "../lib/db/create-migration";
import { withDatabaseName } from "../lib/db/database-url";
import { SCHEMA_LOCATIONS } from "../lib/db/migrations";
import { connectPlatformDatabase } from "../lib/db/platform";
import { runScript, UsageError } from "./lib/run-script";

runScript(async () => {
  const { values } = parseArgs({
    options: { name: { type: "string" }, tenant: { type: "boolean", default: false } },
  });
  if (!values.name)
    throw new UsageError(
      "--name is required, e.g. npm run db:migration:create -- --name add_rooms [--tenant]",
    );
  const location = SCHEMA_LOCATIONS[values.tenant ? "tenant" : "central"];
  // The engine needs a live connection to start even for a schema-to-schema diff.
  const platform = await connectPlatformDatabase({});
  try {
    const migration = await createMigration({
      ...location,
      name: values.name,
      connectionString: withDatabaseName(platform.centralUrl, "postgres"),
    });
    console.log(`created ${path.relative(process.cwd(), migration.dir)}/migration.sql`);
    console.log(
      "Review it; hand-written SQL (constraints, functions) may be added after the generated part.",
    );
    return 0;
  } catch (error) {
    if (!(error instanceof NothingToMigrateError)) throw error;
    console.error(error.message);
    return 1;
  } finally {
    await platform.embedded?.stop();
  }
});
