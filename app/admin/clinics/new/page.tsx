import type { Metadata } from "next";
import { z } from "zod";
import { CreateClinicForm } from "@/components/admin/create-clinic-form";
import { Card, CardContent } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { requirePlatformPage } from "@/lib/auth/platform-page";
import { getRootDomain } from "@/lib/config/root-domain";
import { listCurrencies } from "@/lib/validations/clinic-settings";
import { parseSearchParams, type SearchParamsProps, textParam } from "@/lib/validations/search-params";

export const metadata: Metadata = { title: "Create a clinic" };

const PREFILL_QUERY = z.object({ name: textParam(100), subdomain: textParam(100) });

// The server's list, so the form offers exactly the zones the server accepts.
const TIMEZONES = ["UTC", ...Intl.supportedValuesOf("timeZone").filter((zone) => zone !== "UTC")];
const CURRENCIES = listCurrencies();

/** `?name=&subdomain=` prefill the form ("Try again" on a failed clinic in the list). */
export default async function CreateClinicPage({ searchParams }: SearchParamsProps) {
  await requirePlatformPage("clinics.create");
  const defaults = parseSearchParams(PREFILL_QUERY, await searchParams);
  return (
    <main id="main" className="mx-auto flex w-full max-w-2xl flex-1 flex-col gap-6 px-4 py-8 sm:px-6">
      <PageHeader
        title="Create a clinic"
        description="The clinic gets a database of its own and an address of its own. You become its owner."
      />
      <Card>
        <CardContent className="pt-5">
          <CreateClinicForm
            rootDomain={getRootDomain()}
            timezones={TIMEZONES}
            currencies={CURRENCIES}
            defaults={defaults}
          />
        </CardContent>
      </Card>
    </main>
  );
}
