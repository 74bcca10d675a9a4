import Link from "next/link";
import { Badge } from "@/components/ui/badge";
import { ButtonLink } from "@/components/ui/button";
import { Cell, HeaderCell, Table, TableBody, TableHead } from "@/components/ui/table";
import type { LocationListItem } from "@/lib/clinic/locations";
import { openingHoursOf } from "@/lib/validations/locations";
import { LocationActions } from "./location-actions";
import { openingHoursLines } from "./opening-hours-text";

function usageText(usage: LocationListItem["usage"]): string {
  const parts = [
    usage.appointments > 0 ? `${usage.appointments.toLocaleString("en")} appointments` : null,
    usage.workingHours > 0 ? `${usage.workingHours} working-hour intervals` : null,
    usage.overrides > 0 ? `${usage.overrides} extra-hours entries` : null,
  ].filter(Boolean);
  return parts.length > 0 ? parts.join(", ") : "Not used yet";
}

/** The clinic's locations, open ones first, with their hours and what uses them. */
export function LocationList({ locations }: { locations: LocationListItem[] }) {
  return (
    <Table caption="Locations">
      <TableHead>
        <HeaderCell>Location</HeaderCell>
        <HeaderCell>Opening hours</HeaderCell>
        <HeaderCell>Used by</HeaderCell>
        <HeaderCell>
          <span className="sr-only">Actions</span>
        </HeaderCell>
      </TableHead>
      <TableBody>
        {locations.map((location) => {
          const lines = openingHoursLines(openingHoursOf(location.openingHours));
          const { appointments, workingHours, overrides } = location.usage;
          return (
            <tr key={location.id} className={location.active ? undefined : "bg-slate-50 text-slate-600"}>
              <Cell className="py-3">
                <div className="flex flex-wrap items-center gap-2">
                  <Link
                    href={`/locations/${location.id}`}
                    className="font-medium text-brand-800 underline-offset-4 hover:underline"
                  >
                    {location.name}
                  </Link>
                  {location.isMain ? <Badge tone="brand">Main</Badge> : null}
                  {location.active ? null : <Badge>Inactive</Badge>}
                </div>
                {location.address ? <p className="whitespace-pre-line">{location.address}</p> : null}
                {location.phone ? <p>{location.phone}</p> : null}
              </Cell>
              <Cell className="py-3 whitespace-nowrap">
                {lines.length > 0 ? lines.map((line) => <p key={line}>{line}</p>) : "Not set"}
              </Cell>
              <Cell className="py-3">{usageText(location.usage)}</Cell>
              <Cell className="py-3">
                <div className="flex flex-wrap justify-end gap-2">
                  <ButtonLink href={`/locations/${location.id}`} variant="secondary" size="sm">
                    Edit<span className="sr-only"> {location.name}</span>
                  </ButtonLink>
                  <LocationActions
                    location={{
                      id: location.id,
                      name: location.name,
                      active: location.active,
                      isMain: location.isMain,
                      deletable: appointments + workingHours + overrides === 0,
                    }}
                  />
                </div>
              </Cell>
            </tr>
          );
        })}
      </TableBody>
    </Table>
  );
}
