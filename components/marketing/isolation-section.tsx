const guarantees = [
  {
    title: "A database per clinic",
    body: "Each clinic's records live in their own PostgreSQL database, created from a migrated template when the clinic opens.",
  },
  {
    title: "Enforced by PostgreSQL",
    body: "The app reaches a clinic's database as that clinic's own role, which cannot connect to another clinic's database or the platform's own. Isolation does not rest on a forgotten WHERE clause.",
  },
  {
    title: "Minimum necessary access",
    body: "Platform operators migrate, suspend and resume clinics without a staff account in any of them. If one resets a clinic admin's password, the clinic's own audit log shows it.",
  },
  {
    title: "Schema updates across the fleet",
    body: "A schema change rolls out to every clinic's database, a few at a time; each clinic's result is kept, so a rerun picks up where it stopped.",
  },
];

export function IsolationSection() {
  return (
    <section id="isolation" aria-labelledby="isolation-heading" className="bg-slate-900 text-slate-100">
      <div className="mx-auto max-w-6xl px-4 py-16 sm:px-6">
        <h2 id="isolation-heading" className="text-3xl font-bold tracking-tight text-white">
          Isolation you can point to
        </h2>
        <p className="mt-3 max-w-2xl text-slate-300">
          Patient data is the most sensitive thing a clinic holds. Separate databases keep each clinic&apos;s
          data apart by construction.
        </p>
        <dl className="mt-10 grid gap-8 sm:grid-cols-2">
          {guarantees.map((guarantee) => (
            <div key={guarantee.title} className="border-l-2 border-brand-400 pl-4">
              <dt className="font-semibold text-white">{guarantee.title}</dt>
              <dd className="mt-2 text-sm text-slate-300">{guarantee.body}</dd>
            </div>
          ))}
        </dl>
      </div>
    </section>
  );
}
