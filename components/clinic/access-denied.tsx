import { ButtonLink } from "@/components/ui/button";
import { getCurrentSession } from "@/lib/auth/current";
import { isStaffRole, STAFF_ROLE_LABELS } from "@/lib/validations/staff";

/**
 * What a workspace page says to a role it is not for (its segment's forbidden.tsx): a plain
 * refusal naming the role, and the way back; never an error page.
 */
export async function AccessDenied({ area }: { area: string }) {
  const role = (await getCurrentSession())?.user.role;
  return (
    <section className="flex flex-1 flex-col items-center justify-center gap-4 py-12 text-center">
      <p className="font-mono text-sm font-semibold text-brand-700">403</p>
      <h1 className="text-2xl font-bold tracking-tight text-slate-900">You do not have access to {area}</h1>
      <p className="max-w-md text-slate-700">
        Your role ({isStaffRole(role) ? STAFF_ROLE_LABELS[role] : "unknown"}) does not include this page. If
        you need it for your work, ask an owner or a manager of the clinic.
      </p>
      <ButtonLink href="/dashboard" variant="secondary">
        Back to the dashboard
      </ButtonLink>
    </section>
  );
}
