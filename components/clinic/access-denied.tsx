import { ButtonLink } from "@/components/ui/button";

/** What a page says to a role it is not for: a plain refusal and the way back, never an error page. */
export function AccessDenied({ area, roleLabel }: { area: string; roleLabel: string }) {
  return (
    <section className="flex flex-1 flex-col items-center justify-center gap-4 py-12 text-center">
      <p className="font-mono text-sm font-semibold text-brand-700">403</p>
      <h1 className="text-2xl font-bold tracking-tight text-slate-900">You do not have access to {area}</h1>
      <p className="max-w-md text-slate-700">
        Your role ({roleLabel}) does not include this page. If you need it for your work, ask an owner or a
        manager of the clinic.
      </p>
      <ButtonLink href="/dashboard" variant="secondary">
        Back to the dashboard
      </ButtonLink>
    </section>
  );
}
