import Link from "next/link";
import type { ReactNode } from "react";
import { Badge } from "@/components/ui/badge";
import { Card, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import type { WorkspaceArea } from "./workspace-areas";

/** The start page: who you are here and what your role lets you do next. */
export function Dashboard({
  name,
  clinicName,
  roleLabel,
  areas,
  today,
}: {
  name: string;
  clinicName: string;
  roleLabel: string;
  /** The areas the role may open, besides the dashboard itself. */
  areas: WorkspaceArea[];
  /** Today's appointments, for roles that see them. */
  today?: ReactNode;
}) {
  const greeting = greetingName(name);
  return (
    <>
      <PageHeader
        title={`Welcome, ${greeting}`}
        description={
          <span className="flex flex-wrap items-center gap-2">
            You are signed in to {clinicName} as <Badge tone="brand">{roleLabel}</Badge>
          </span>
        }
      />
      {today}
      <section aria-labelledby="next-heading" className="flex flex-col gap-4">
        <h2 id="next-heading" className="text-lg font-semibold text-slate-900">
          What you can do
        </h2>
        <ul className="grid gap-4 sm:grid-cols-2 lg:grid-cols-3">
          {areas.map((area) => (
            <li key={area.href}>
              <Card className="h-full">
                <CardHeader>
                  <CardTitle as="h3">
                    <Link href={area.href} className="hover:underline">
                      {area.label}
                    </Link>
                  </CardTitle>
                  <CardDescription>{area.summary}</CardDescription>
                </CardHeader>
              </Card>
            </li>
          ))}
        </ul>
      </section>
    </>
  );
}

/** "Rita Reception" → "Rita"; "Dr Ada Adams" → "Dr Adams" (a title goes with the family name). */
export function greetingName(name: string): string {
  const words = name.trim().split(/\s+/);
  const [first = name, ...rest] = words;
  if (/^(dr|prof|mr|mrs|ms|mx)\.?$/i.test(first) && rest.length > 0)
    return `${first} ${rest[rest.length - 1]}`;
  return first;
}
