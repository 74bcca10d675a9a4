import { expect, type Page, test } from "@playwright/test";
import { CLINIC_PERMISSIONS, type ClinicPermission } from "@/lib/auth/permissions";
import { DEMO_STAFF_PASSWORD } from "@/lib/demo/seed";
import type { StaffRole } from "@/lib/generated/tenant/enums";
import { withClinicDb } from "./support/central-db";
import { clinicOrigin } from "./support/origins";
import { signIn } from "./support/sign-in";

// Every patient section, as each role of the demo clinic opens it: the server answers each role what
// the permission matrix says (the page, or the 403 page), and each clinical read is in the audit log.
const maple = clinicOrigin("maple");

const SECTIONS: { path: string; permission: ClinicPermission; heading?: RegExp }[] = [
  { path: "", permission: "patients.view" },
  { path: "/timeline", permission: "chart.view" },
  { path: "/visits", permission: "visits.codes" },
  { path: "/vitals", permission: "chart.view" },
  { path: "/problems", permission: "chart.view" },
  { path: "/medications", permission: "chart.view" },
  { path: "/immunizations", permission: "chart.view" },
  { path: "/documents", permission: "documents.viewAdministrative" },
  { path: "/print", permission: "prescriptions.print" },
];

const ACCOUNTS: { role: StaffRole; email: string }[] = [
  { role: "DOCTOR", email: "doctor1@maple.test" },
  { role: "NURSE", email: "nurse@maple.test" },
  { role: "RECEPTIONIST", email: "receptionist@maple.test" },
  { role: "BILLING", email: "billing@maple.test" },
  { role: "MANAGER", email: "manager@maple.test" },
];

const can = (role: StaffRole, permission: ClinicPermission) =>
  (CLINIC_PERMISSIONS[permission] as readonly string[]).includes(role);

async function firstPatientId(): Promise<string> {
  return withClinicDb("maple", async (db) => {
    const patient = await db.patient.findFirstOrThrow({ orderBy: { mrn: "asc" }, select: { id: true } });
    return patient.id;
  });
}

async function expectAnswer(page: Page, allowed: boolean) {
  const denied = page.getByRole("heading", { name: /You do not have access/ });
  if (allowed) {
    await expect(page.getByRole("navigation", { name: "Patient sections" })).toBeVisible();
    await expect(denied).toHaveCount(0);
  } else {
    await expect(denied).toBeVisible();
  }
}

for (const account of ACCOUNTS) {
  test(`a ${account.role.toLowerCase()} opens exactly the patient sections the matrix gives the role`, async ({
    page,
  }) => {
    const patientId = await firstPatientId();
    await signIn(page, maple, { email: account.email, password: DEMO_STAFF_PASSWORD });
    const since = new Date();
    for (const section of SECTIONS) {
      await page.goto(`${maple}/patients/${patientId}${section.path}`);
      await expectAnswer(page, can(account.role, section.permission));
    }
    // The sections' tabs are the ones this role may open, no more.
    await page.goto(`${maple}/patients/${patientId}`);
    const tabs = page.getByRole("navigation", { name: "Patient sections" }).getByRole("link");
    const expected = SECTIONS.filter((section) => can(account.role, section.permission)).length;
    // Plus "Appointments", which every role here may open.
    await expect(tabs).toHaveCount(expected + 1);

    // Each clinical section it opened is one chart.read row naming the patient, never its content.
    const reads = await withClinicDb("maple", (db) =>
      db.auditEvent.findMany({
        where: { action: "chart.read", targetId: patientId, actorEmail: account.email, at: { gte: since } },
        select: { details: true },
      }),
    );
    const opened = SECTIONS.filter(
      (section) =>
        section.path !== "" && section.path !== "/documents" && can(account.role, section.permission),
    ).length;
    expect(reads.length).toBeGreaterThanOrEqual(opened);
  });
}
