import { connection } from "next/server";
import { ConsoleOverview } from "@/components/marketing/console-overview";
import { Hero } from "@/components/marketing/hero";
import { IsolationSection } from "@/components/marketing/isolation-section";
import { SignInSection } from "@/components/marketing/sign-in-section";
import { SiteFooter } from "@/components/marketing/site-footer";
import { SiteHeader } from "@/components/marketing/site-header";
import { getRootDomain } from "@/lib/config/root-domain";

export default async function LandingPage() {
  // Render per request so ROOT_DOMAIN comes from the running server's env, not the build machine's.
  await connection();
  const rootDomain = getRootDomain();

  return (
    <>
      <SiteHeader />
      <main id="main">
        <Hero rootDomain={rootDomain} />
        <ConsoleOverview />
        <IsolationSection />
        <SignInSection rootDomain={rootDomain} />
      </main>
      <SiteFooter />
    </>
  );
}
