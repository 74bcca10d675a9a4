import { ButtonLink } from "@/components/ui/button";
import { BrandLink, TopBar } from "@/components/ui/top-bar";

const sections = [
  { href: "#consoles", label: "Consoles" },
  { href: "#isolation", label: "Isolation" },
  { href: "#sign-in", label: "Signing in" },
];

export function SiteHeader() {
  return (
    <TopBar>
      <div className="mx-auto flex h-16 max-w-6xl items-center justify-between gap-4 px-4 sm:px-6">
        <BrandLink href="/">Clinic Platform</BrandLink>
        <nav aria-label="Main" className="flex items-center gap-1">
          <ul className="hidden items-center gap-1 sm:flex">
            {sections.map((section) => (
              <li key={section.href}>
                <a
                  href={section.href}
                  className="rounded-md px-3 py-2 text-sm text-slate-700 hover:bg-slate-100 hover:text-slate-900"
                >
                  {section.label}
                </a>
              </li>
            ))}
          </ul>
          <ButtonLink href="/login" size="sm" className="ml-2">
            Sign in
          </ButtonLink>
        </nav>
      </div>
    </TopBar>
  );
}
