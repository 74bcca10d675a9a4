import Link from "next/link";

const SECTIONS = [
  {
    href: "/super/admins",
    title: "Clinic admins",
    text: "Create admins, disable or enable them, reset passwords.",
  },
  {
    href: "/super/clinics",
    title: "Clinics",
    text: "Every clinic's status, server, schema and size; suspend or resume.",
  },
  {
    href: "/super/servers",
    title: "Database servers",
    text: "Where clinic databases live: add a server, set capacity and status.",
  },
  {
    href: "/super/fleet",
    title: "Fleet",
    text: "Pending clinic migrations, recent rollouts, and a new rollout with live progress.",
  },
  {
    href: "/super/backups",
    title: "Backups",
    text: "Each clinic's and the central database's backups: back up now, restore, download, upload.",
  },
  { href: "/super/audit", title: "Audit log", text: "Who did what on the platform, newest first." },
];

export function SectionLinks() {
  return (
    <section aria-labelledby="sections-heading" className="flex flex-col gap-3">
      <h2 id="sections-heading" className="text-lg font-semibold text-slate-900">
        Sections
      </h2>
      <ul className="grid gap-4 sm:grid-cols-2 lg:grid-cols-3">
        {SECTIONS.map((section) => (
          <li key={section.href}>
            <Link
              href={section.href}
              className="flex h-full flex-col gap-1 rounded-lg border border-slate-200 bg-white p-4 shadow-sm hover:border-brand-600"
            >
              <span className="font-medium text-slate-900">{section.title}</span>
              <span className="text-sm text-slate-600">{section.text}</span>
            </Link>
          </li>
        ))}
      </ul>
    </section>
  );
}
