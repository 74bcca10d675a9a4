import { randomUUID } from "node:crypto";
import { expect, type Page, test } from "@playwright/test";
import { DEMO_ACCOUNTS } from "@/lib/demo/seed";
import { moveObjectName } from "@/lib/moves/move-plan";
import { withAdminClient } from "@/lib/tenancy/clinic-schema";
import { withCentralDb, withClinicDb } from "./support/central-db";
import { openClinicAs } from "./support/open-clinic";
import { clinicOrigin, ROOT_ORIGIN } from "./support/origins";
import { createPlatformAccount } from "./support/own-accounts";
import { screenBothWidths } from "./support/screens";
import { signIn } from "./support/sign-in";
import { SPARE_CLINIC, SPARE_SERVER } from "./support/spare-server";

const MOVE_STEPS = [
  "Checking both servers can do it",
  "Creating the clinic's role on the new server",
  "Creating an empty database with the clinic's schema",
  "Locking it to the clinic alone",
  "Publishing every table on the old server",
  "Subscribing to them on the new server",
  "Copying the rows",
  "Catching up with what was written meanwhile",
  "Switching over (the clinic pauses for a moment)",
  "Removing the replication; closing the old database",
];

async function expectStepsDone(page: Page) {
  // The copy's line may also say "n of m tables".
  for (const step of MOVE_STEPS)
    await expect(
      page.getByRole("listitem").filter({ hasText: step }).filter({ hasText: "(done)" }),
    ).toBeVisible();
}

/** The spare clinic's id and server, or null when this run has no spare server (it did not start). */
const findSpareClinic = () =>
  withCentralDb(async (central) => {
    const clinic = await central.clinic.findUnique({
      where: { subdomain: SPARE_CLINIC.subdomain },
      include: { databaseServer: true },
    });
    return clinic && { id: clinic.id, server: clinic.databaseServer?.name ?? null };
  });

/** Runs one statement as the spare server's admin (a slot, as a move's process that died leaves it). */
const onSpare = (sql: (prefixed: (name: string) => string) => string) =>
  withCentralDb(async (central) => {
    const server = await central.databaseServer.findUniqueOrThrow({ where: { name: SPARE_SERVER } });
    await withAdminClient(server, "postgres", (admin) => admin.query(sql((name) => moveObjectName(name))));
  });

test.describe.configure({ timeout: 120_000 });

test("the super admin moves a clinic to another database server from /super; the clinic keeps its data and works", async ({
  page,
}) => {
  const clinic = await findSpareClinic();
  test.skip(clinic?.server !== SPARE_SERVER, "This run has no spare server with wal_level=logical.");
  const clinicId = clinic?.id as string;
  await withClinicDb(SPARE_CLINIC.subdomain, (db) =>
    db.patient.create({
      data: { firstName: "Milo", lastName: "Mover", dateOfBirth: new Date("1975-02-03") },
    }),
  );

  await signIn(page, ROOT_ORIGIN, await createPlatformAccount({ role: "SUPER_ADMIN", name: "Mia Mover" }));
  await page.goto(`/super/backups/${clinicId}`);
  await expect(page.getByText(`On server ${SPARE_SERVER}.`, { exact: false })).toBeVisible();
  await page.getByRole("button", { name: "Move to another server…" }).click();
  const dialog = page.getByRole("dialog", { name: `Move ${SPARE_CLINIC.name} to another server` });
  await expect(dialog.getByText(/the clinic is here/)).toBeVisible();
  await dialog.getByRole("radio", { name: /default/ }).check();
  const confirm = dialog.getByRole("button", { name: "Move the clinic" });
  await expect(confirm).toBeDisabled();
  await dialog.getByLabel(`Type ${SPARE_CLINIC.subdomain} to confirm`).fill(SPARE_CLINIC.subdomain);
  await screenBothWidths(page, "clinic-move-dialog");
  await confirm.click();

  const outcome = dialog.getByText(
    new RegExp(
      `Moved to default; the clinic paused for \\d+ ms; the old database is kept as .+ on ${SPARE_SERVER}`,
    ),
  );
  await expect(outcome).toBeVisible({ timeout: 60_000 });
  await expectStepsDone(page);
  await screenBothWidths(page, "clinic-move-done");
  expect((await findSpareClinic())?.server).toBe("default");

  await openClinicAs(page, SPARE_CLINIC.subdomain, DEMO_ACCOUNTS.clinicAdmin.email);
  await page.goto(`${clinicOrigin(SPARE_CLINIC.subdomain)}/patients`);
  await expect(page.getByText(/Mover/).first()).toBeVisible();
  // A replication slot named like a move's with no job behind it: the servers page warns on its row.
  const job = randomUUID();
  await onSpare((named) => `SELECT pg_create_logical_replication_slot('${named(job)}', 'pgoutput')`);
  try {
    await page.goto(`${ROOT_ORIGIN}/super/servers`);
    const row = page.getByRole("row", { name: new RegExp(`^${SPARE_SERVER}`) });
    await expect(row.getByText("Left by a move that is not running: 1 slot.")).toBeVisible();
    await expect(row.getByText(`npm run server:check -- ${SPARE_SERVER}`, { exact: false })).toBeVisible();
    await screenBothWidths(page, "servers-move-orphan");
  } finally {
    await onSpare((named) => `SELECT pg_drop_replication_slot('${named(job)}')`);
  }

  await withClinicDb(SPARE_CLINIC.subdomain, async (db) => {
    const added = await db.patient.create({
      data: { firstName: "After", lastName: "Move", dateOfBirth: new Date("1990-01-01") },
    });
    expect(added.mrn).toBeTruthy();
  });
});
