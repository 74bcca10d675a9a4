"use client";

import { useRouter } from "next/navigation";
import { SelectField } from "@/components/ui/select";

/**
 * Location and doctor choices that live in the URL (`?location=…&doctor=…`, "all" for every one),
 * next to the page's other parameters in `keep`.
 */
export function UrlFilters({
  path,
  keep = {},
  locationId,
  doctorId,
  locations,
  doctors,
}: {
  path: string;
  keep?: Record<string, string>;
  locationId: string | null;
  doctorId: string | null;
  locations: { id: string; name: string }[];
  doctors: { id: string; name: string }[];
}) {
  const router = useRouter();
  const go = (patch: { location?: string; doctor?: string }) => {
    const params = new URLSearchParams({
      ...keep,
      location: locationId ?? "all",
      doctor: doctorId ?? "all",
      ...patch,
    });
    router.push(`${path}?${params}`);
  };
  return (
    <div className="grid gap-4 sm:grid-cols-2 lg:max-w-2xl">
      <SelectField
        label="Location"
        value={locationId ?? "all"}
        onChange={(event) => go({ location: event.target.value })}
        options={[
          { value: "all", label: "All locations" },
          ...locations.map((l) => ({ value: l.id, label: l.name })),
        ]}
      />
      <SelectField
        label="Doctor"
        value={doctorId ?? "all"}
        onChange={(event) => go({ doctor: event.target.value })}
        options={[
          { value: "all", label: "All doctors" },
          ...doctors.map((d) => ({ value: d.id, label: d.name })),
        ]}
      />
    </div>
  );
}
