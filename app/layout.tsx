import type { Metadata, Viewport } from "next";
import { connection } from "next/server";
import type { ReactNode } from "react";
import { Providers } from "@/components/providers";
import "./globals.css";

export const metadata: Metadata = {
  title: { default: "Clinic Platform", template: "%s · Clinic Platform" },
  description:
    "Multi-clinic management: patients, appointments and doctors' schedules, with one isolated database per clinic.",
};

export const viewport: Viewport = {
  themeColor: "#0f766e",
};

export default async function RootLayout({ children }: { children: ReactNode }) {
  // Every page renders per request: Next puts the Content-Security-Policy nonce on its scripts only
  // then, and a page prerendered without it would never hydrate (/login and not-found included).
  await connection();
  return (
    <html lang="en">
      <body className="flex min-h-dvh flex-col font-sans">
        <Providers>{children}</Providers>
      </body>
    </html>
  );
}
