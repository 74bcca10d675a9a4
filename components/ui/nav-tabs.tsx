"use client";

import { usePathname } from "next/navigation";
import { LinkTabs } from "./link-tabs";

/**
 * An area's sections as tabs, the one holding this page marked: a section is current on its own
 * path and below it, except one marked `exact` (an overview whose path starts every other one).
 */
export function NavTabs({
  label,
  links,
  className,
}: {
  label: string;
  links: readonly { href: string; label: string; exact?: boolean }[];
  className?: string;
}) {
  const pathname = usePathname();
  const current = links.find(
    (link) => pathname === link.href || (!link.exact && pathname.startsWith(`${link.href}/`)),
  );
  return (
    <LinkTabs
      label={label}
      className={className}
      current={current?.href}
      tabs={links.map((link) => ({ key: link.href, label: link.label, href: link.href }))}
    />
  );
}
