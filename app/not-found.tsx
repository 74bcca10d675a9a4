import type { Metadata } from "next";
import type { ReactNode } from "react";
import { ButtonLink } from "@/components/ui/button";
import { getRootDomain, platformOrigin } from "@/lib/config/root-domain";
import { findMissingClinicAddress } from "@/lib/tenancy/request-clinic";

export const metadata: Metadata = {
  title: "Page not found",
};

export default async function NotFound() {
  const missingClinic = await findMissingClinicAddress();
  if (missingClinic) {
    return (
      <NotFoundLayout title="No clinic at this address">
        <p className="text-slate-700">
          No clinic has the address <strong className="break-words text-slate-900">{missingClinic}</strong>.
          Check the spelling with your clinic, or type your clinic&apos;s address on the platform&apos;s home
          page.
        </p>
        <ButtonLink href={`${platformOrigin(getRootDomain())}/#sign-in`}>
          Go to the platform&apos;s home page
        </ButtonLink>
      </NotFoundLayout>
    );
  }
  return (
    <NotFoundLayout title="Page not found">
      <p className="text-slate-700">
        There is nothing at this address. Check the link, or start again from the home page.
      </p>
      <ButtonLink href="/">Go to the home page</ButtonLink>
    </NotFoundLayout>
  );
}

function NotFoundLayout({ title, children }: { title: string; children: ReactNode }) {
  return (
    <main id="main" className="flex flex-1 items-center justify-center px-4 py-16">
      <div className="flex max-w-md flex-col items-center gap-4 text-center">
        <p className="font-mono text-sm font-semibold text-brand-700">404</p>
        <h1 className="text-3xl font-bold tracking-tight text-slate-900">{title}</h1>
        {children}
      </div>
    </main>
  );
}
