import { AuthError, CredentialsSignin } from "next-auth";
import { signIn } from "@/lib/auth/auth";
import { realmOf } from "@/lib/auth/request-context";
import { resolveClinic } from "@/lib/tenancy/tenant-db";

const noStore = { "Cache-Control": "no-store" };

// Relative: the browser resolves it against the clinic host it asked (the rewrite is invisible to it).
const redirectTo = (location: string) =>
  new Response(null, { status: 303, headers: { ...noStore, Location: location } });

/**
 * "Open clinic" from the admin console lands here with a one-time ticket: it signs the clinic
 * admin in as this clinic's owner and goes on to the dashboard. Only on the clinic's own host.
 */
export async function GET(request: Request, { params }: { params: Promise<{ tenant: string }> }) {
  const { tenant } = await params;
  const realm = realmOf(request.headers);
  if (realm?.kind !== "clinic" || realm.subdomain !== tenant || !(await resolveClinic(tenant)))
    return new Response("Not found", { status: 404, headers: noStore });
  const ticket = new URL(request.url).searchParams.get("ticket") ?? "";
  try {
    await signIn("ticket", { ticket, redirect: false });
  } catch (error) {
    if (error instanceof CredentialsSignin) return redirectTo("/login?error=ticket");
    // Anything else (the clinic's database busy, say) was logged by Auth.js by name only.
    if (error instanceof AuthError) return redirectTo("/login?error=unavailable");
    throw error;
  }
  return redirectTo("/dashboard");
}
