import type { Page } from "@playwright/test";
import { issueClinicTicket } from "@/lib/auth/tickets";
import { withCentralDb } from "./central-db";
import { clinicOrigin, ROOT_ORIGIN } from "./origins";

/** A one-time "Open clinic" ticket for a clinic admin, as the admin console issues it. */
export function issueOpenClinicTicket(subdomain: string, adminEmail: string): Promise<string> {
  return withCentralDb(async (central) => {
    const clinic = await central.clinic.findUniqueOrThrow({ where: { subdomain } });
    const admin = await central.user.findUniqueOrThrow({ where: { email: adminEmail } });
    // As the console does: the ticket belongs to one of the admin's console sessions.
    const session = await central.authSession.create({ data: { userId: admin.id } });
    return issueClinicTicket({ central, clinic, userId: admin.id, authSessionId: session.id });
  });
}

/**
 * Posts a ticket to the clinic's /open from a page of `from` (the console's origin unless a test
 * plays another site), as the console's "Open clinic" form does: a top-level form POST.
 */
export async function postOpenClinicTicket(
  page: Page,
  subdomain: string,
  ticket: string,
  from: string = ROOT_ORIGIN,
): Promise<void> {
  await page.goto(`${from}/`);
  await page.evaluate(
    ({ action, value }) => {
      const form = document.createElement("form");
      form.method = "post";
      form.action = action;
      const input = document.createElement("input");
      input.type = "hidden";
      input.name = "ticket";
      input.value = value;
      form.append(input);
      document.body.append(form);
      form.submit();
    },
    { action: `${clinicOrigin(subdomain)}/open`, value: ticket },
  );
  await page.waitForURL((url) => url.origin === clinicOrigin(subdomain) && url.pathname !== "/open");
}

/** Signs a clinic admin into a clinic as "Open clinic" in the console would. */
export async function openClinicAs(page: Page, subdomain: string, adminEmail: string): Promise<void> {
  await postOpenClinicTicket(page, subdomain, await issueOpenClinicTicket(subdomain, adminEmail));
}
