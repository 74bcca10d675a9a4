import { AuthError, CredentialsSignin } from "next-auth";
import { getRootDomain, platformOrigin } from "../config/root-domain";
import { resolveClinic } from "../tenancy/tenant-db";
import { openClinicTicketSchema } from "../validations/auth";
import { realmOf } from "./request-context";

/** Signs the ticket's admin in and sets the session cookie (Auth.js's ticket provider); throws if refused. */
export type SignInWithTicket = (ticket: string) => Promise<unknown>;

/** The page that explains a visit to /open that did not come from the console's form. */
export const OPEN_FROM_CONSOLE_PATH = "/open/from-console";

const NO_STORE = { "Cache-Control": "no-store" };

// Relative: the browser resolves it against the clinic host it asked (the rewrite is invisible to it).
const seeOther = (location: string) =>
  new Response(null, { status: 303, headers: { ...NO_STORE, Location: location } });
const notFound = () => new Response("Not found", { status: 404, headers: NO_STORE });

async function isHostsClinic(request: Request, tenant: string): Promise<boolean> {
  const realm = realmOf(request.headers);
  return realm?.kind === "clinic" && realm.subdomain === tenant && (await resolveClinic(tenant)) !== null;
}

async function formFields(request: Request): Promise<Record<string, unknown>> {
  try {
    return Object.fromEntries(await request.formData());
  } catch {
    return {};
  }
}

/** A GET never signs anyone in (a ticket in a URL ends up in logs): it points to the console instead. */
export async function answerOpenClinicGet(request: Request, tenant: string): Promise<Response> {
  if (!(await isHostsClinic(request, tenant))) return notFound();
  return seeOther(OPEN_FROM_CONSOLE_PATH);
}

/**
 * "Open clinic" in the admin console posts a one-time ticket here, on the clinic's own host. Only
 * a post from the console's origin is redeemed: another site posting its own ticket would sign
 * the visitor into someone else's session (login CSRF). Signed in, the browser goes on to the
 * dashboard with a GET, which carries the new SameSite=Lax cookie.
 */
export async function answerOpenClinicPost(
  request: Request,
  options: { tenant: string; signInWithTicket: SignInWithTicket },
): Promise<Response> {
  if (!(await isHostsClinic(request, options.tenant))) return notFound();
  if (request.headers.get("origin") !== platformOrigin(getRootDomain()))
    return seeOther(`${OPEN_FROM_CONSOLE_PATH}?refused=origin`);
  const input = openClinicTicketSchema.safeParse(await formFields(request));
  if (!input.success) return seeOther("/login?error=ticket");
  try {
    await options.signInWithTicket(input.data.ticket);
  } catch (error) {
    if (error instanceof CredentialsSignin) return seeOther("/login?error=ticket");
    // Anything else (the clinic's database busy, say) was logged by Auth.js by name only.
    if (error instanceof AuthError) return seeOther("/login?error=unavailable");
    throw error;
  }
  return seeOther("/dashboard");
}
