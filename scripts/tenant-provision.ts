// npm run tenant:provision -- --name "Acme Clinic" --subdomain acme --admin owner@example.com
//   [--location "Main clinic"] [--timezone Europe/Berlin]
import { randomBytes } from "node:crypto";
import { parseArgs } from "node:util";
import { hashPassword } from "../lib/auth/password";
import type { CentralDb } from "../lib/db/central";
import { ClinicDatabaseService } from "../lib/tenancy/clinic-database-service";
import { auditCommand } from "./lib/command-audit";
import { runScript, UsageError } from "./lib/run-script";
import { withCentral } from "./lib/with-central";

runScript(async () => {
  const { values } = parseArgs({
    options: {
      name: { type: "string" },
      subdomain: { type: "string" },
      admin: { type: "string" },
      location: { type: "string" },
      timezone: { type: "string" },
    },
  });
  if (!values.name || !values.subdomain || !values.admin) {
    throw new UsageError(
      'usage: npm run tenant:provision -- --name "Acme Clinic" --subdomain acme --admin owner@example.com',
    );
  }
  return withCentral(async (central) => {
    const owner = await findOrCreateClinicAdmin(central, values.admin as string);
    const service = new ClinicDatabaseService({
      central,
      onStep: (step) => console.log(`  ${step}…`),
    });
    // Not yet a clinic to point at: the subdomain and name are in the details.
    await auditCommand(central, {
      action: "clinic.create",
      details: { subdomain: values.subdomain ?? null, name: values.name ?? null },
    });
    console.log(`provisioning ${values.subdomain}`);
    const started = Date.now();
    const clinic = await service.provisionClinic({
      name: values.name,
      subdomain: values.subdomain,
      ownerId: owner.id,
      locationName: values.location,
      timezone: values.timezone,
    });
    console.log(
      `clinic ${clinic.subdomain} is ACTIVE (database ${clinic.databaseName}) in ${Date.now() - started} ms`,
    );
    return 0;
  });
});

/** The owner must be a clinic admin; a new email becomes one with a temporary password shown once. */
async function findOrCreateClinicAdmin(central: CentralDb, email: string) {
  const existing = await central.user.findUnique({ where: { email: email.toLowerCase() } });
  if (existing) return existing;
  const password = randomBytes(12).toString("base64url");
  const created = await central.user.create({
    data: {
      email: email.toLowerCase(),
      name: email.split("@")[0] ?? email,
      role: "CLINIC_ADMIN",
      passwordHash: await hashPassword(password),
      mustChangePassword: true,
    },
  });
  console.log(`created clinic admin ${created.email}; temporary password (shown once): ${password}`);
  return created;
}
