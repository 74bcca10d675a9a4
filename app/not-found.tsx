import type { Metadata } from "next";
import { ButtonLink } from "@/components/ui/button";

export const metadata: Metadata = {
  title: "Page not found",
};

export default function NotFound() {
  return (
    <main id="main" className="flex flex-1 items-center justify-center px-4 py-16">
      <div className="flex max-w-md flex-col items-center gap-4 text-center">
        <p className="font-mono text-sm font-semibold text-brand-700">404</p>
        <h1 className="text-3xl font-bold tracking-tight text-slate-900">Page not found</h1>
        <p className="text-slate-700">
          There is nothing at this address. Check the link, or start again from the home page.
        </p>
        <ButtonLink href="/">Go to the home page</ButtonLink>
      </div>
    </main>
  );
}
