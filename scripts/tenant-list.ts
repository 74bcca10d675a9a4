// npm run tenant:list [-- --json]: every clinic with its status, owner, database and schema version.
import { parseArgs } from "node:util";
import { runScript } from "./lib/run-script";
import { withCentral } from "./lib/with-central";

runScript(async () => {
  const { values } = parseArgs({ options: { json: { type: "boolean", default: false } } });
  return withCentral(async (central) => {
    const clinics = await central.clinic.findMany({
      orderBy: { subdomain: "asc" },
      include: { owner: { select: { email: true } }, databaseServer: { select: { name: true } } },
    });
    const rows = clinics.map((clinic) => ({
      subdomain: clinic.subdomain,
      name: clinic.name,
      status: clinic.status,
      owner: clinic.owner.email,
      server: clinic.databaseServer?.name ?? "-",
      database: clinic.databaseName,
      schema: clinic.schemaVersion ?? "-",
      problem: clinic.lastMigrationError ?? (clinic.status === "FAILED" ? clinic.statusReason : null) ?? "",
    }));
    if (values.json) console.log(JSON.stringify(rows, null, 2));
    else if (rows.length === 0)
      console.log(
        'No clinics yet. Create one: npm run tenant:provision -- --name "Acme Clinic" --subdomain acme --admin owner@example.com',
      );
    else console.table(rows);
    return 0;
  });
});
