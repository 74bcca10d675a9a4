export function SiteFooter() {
  return (
    <footer className="border-t border-slate-200 bg-slate-50">
      <div className="mx-auto flex max-w-6xl flex-col gap-2 px-4 py-8 text-sm text-slate-600 sm:flex-row sm:justify-between sm:px-6">
        <p>Clinic Platform: one database per clinic.</p>
        <p>
          Trouble signing in? Ask your clinic&apos;s owner or manager: staff accounts belong to the clinic,
          not to the platform team.
        </p>
      </div>
    </footer>
  );
}
