"use client";

import { Button } from "@/components/ui/button";

/** Opens the browser's print dialog; hidden on the printed page itself. */
export function PrintButton({ label = "Print" }: { label?: string }) {
  return (
    <Button onClick={() => window.print()} className="print:hidden">
      {label}
    </Button>
  );
}
