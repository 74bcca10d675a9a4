import { afterEach, beforeEach, expect, it } from "vitest";
import { withDatabaseName } from "../db/database-url";
import { openClinicClient } from "../tenancy/clinic-client";
import { ClinicDatabaseService } from "../tenancy/clinic-database-service";
import { runFleetUpdate } from "../tenancy/fleet";
import { billingRowsOf } from "../testing/billing-rows";
import { adminDatabaseUrl, adminQuery } from "../testing/databases";
import { createTestPlatform, type TestPlatform } from "../testing/platform";

// A clinic billing before the applied totals gets them from its allocations on tenant:update-schema.
const APPLIED_TOTALS = "20261130111628_invoice_applied_totals";

let platform: TestPlatform;

beforeEach(async () => {
  platform = await createTestPlatform();
});

afterEach(async () => {
  await platform.cleanup();
});

it("fills in the totals of what was applied before it, then keeps them", async () => {
  const service = new ClinicDatabaseService({ central: platform.central, env: platform.env });
  const clinic = await service.provisionClinic({
    name: "Older",
    subdomain: "older",
    ownerId: platform.owner.id,
  });
  const url = withDatabaseName(adminDatabaseUrl(), clinic.databaseName);
  await adminQuery(
    `DROP TABLE invoice_applied_totals CASCADE;
     DROP FUNCTION invoice_applied_totals_add(), invoice_applied_totals_derived() CASCADE;
     DROP INDEX invoices_voided_idx;
     DELETE FROM _prisma_migrations WHERE migration_name >= '${APPLIED_TOTALS}';`,
    [],
    url,
  );
  const previous = await adminQuery("SELECT max(migration_name) AS name FROM _prisma_migrations", [], url);
  await platform.central.clinic.update({
    where: { id: clinic.id },
    data: { schemaVersion: previous.rows[0]?.name },
  });

  const client = await openClinicClient({ central: platform.central, subdomain: "older" });
  try {
    const { db } = client;
    const staff = await db.staffUser.create({
      data: { email: "billing@older.test", name: "Bill Older", passwordHash: "x", role: "BILLING" },
    });
    const rows = billingRowsOf(db, staff.id);
    const owner = { patientId: (await rows.patient()).id, locationId: (await rows.location()).id };
    const at = new Date("2026-11-02T10:00:00Z");
    const part = await rows.invoice({ ...owner, totalMinor: 5000, issuedAt: at });
    const voided = await rows.invoice({ ...owner, totalMinor: 3000, issuedAt: at });
    const unpaid = await rows.invoice({ ...owner, totalMinor: 2000, issuedAt: at });
    const cash = await rows.payment({ ...owner, amountMinor: 6000, takenAt: at });
    await rows.allocate({ paymentId: cash.id, invoiceId: part.id, amountMinor: 2000, appliedAt: at });
    await rows.allocate({ paymentId: cash.id, invoiceId: voided.id, amountMinor: 3000, appliedAt: at });
    await rows.allocate({ paymentId: cash.id, invoiceId: voided.id, amountMinor: -3000, appliedAt: at });
    await rows.allocate({
      paymentId: cash.id,
      invoiceId: part.id,
      amountMinor: 1500,
      fromCredit: true,
      appliedAt: at,
    });

    const summary = await runFleetUpdate({
      central: platform.central,
      centralUrl: platform.centralUrl,
      env: platform.env,
    });
    expect(summary.failed).toBe(0);
    expect(summary.results.find((result) => result.subdomain === "older")?.applied).toContain(APPLIED_TOTALS);

    const totals = async () =>
      Object.fromEntries(
        (
          await db.invoiceAppliedTotal.findMany({
            select: { invoiceId: true, appliedMinor: true, fromCreditMinor: true },
          })
        ).map((row) => [row.invoiceId, [row.appliedMinor, row.fromCreditMinor]]),
      );
    expect(await totals()).toEqual({ [part.id]: [3500, 1500], [voided.id]: [0, 0] });

    await rows.allocate({ paymentId: cash.id, invoiceId: unpaid.id, amountMinor: 500, appliedAt: at });
    expect(await totals()).toEqual({ [part.id]: [3500, 1500], [voided.id]: [0, 0], [unpaid.id]: [500, 0] });
    await expect(
      db.$executeRaw`UPDATE invoice_applied_totals SET applied_minor = 0 WHERE invoice_id = ${part.id}::uuid`,
    ).rejects.toThrow(/derived from payment_allocations|permission denied/);
  } finally {
    await client.close();
  }
});
