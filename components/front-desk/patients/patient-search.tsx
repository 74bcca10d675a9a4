"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { Input, Label } from "@/components/ui/input";
import { useActionCall } from "@/components/ui/use-action-call";
import { searchPatientListAction } from "@/lib/actions/patients/search-patient-list";

/**
 * The registry's search box. Submitting it records the search in the audit log (an action), then
 * shows the results at their own URL (?q=), which can be reloaded or shared without a new record.
 */
export function PatientSearch({ query }: { query: string }) {
  const router = useRouter();
  const [text, setText] = useState(query);
  const search = useActionCall(searchPatientListAction, {
    refresh: false,
    onSuccess: (data) => router.push(data.href),
  });
  return (
    <search>
      <form
        action="/patients"
        className="flex flex-col gap-1.5"
        onSubmit={(event) => {
          event.preventDefault();
          search.call({ query: text });
        }}
      >
        <Label htmlFor="patient-search">Find a patient</Label>
        <div className="flex gap-2">
          <Input
            id="patient-search"
            name="q"
            type="search"
            value={text}
            onChange={(event) => setText(event.target.value)}
            maxLength={100}
            placeholder="Name, record number (P-000123), phone or date of birth (YYYY-MM-DD)"
            aria-describedby="patient-search-hint"
            className="max-w-xl"
          />
          <Button type="submit" variant="secondary" disabled={search.pending}>
            {search.pending ? "Searching…" : "Search"}
          </Button>
        </div>
        <p id="patient-search-hint" className="text-xs text-slate-600">
          Several words must all match the name, e.g. &ldquo;ada love&rdquo;.
        </p>
      </form>
    </search>
  );
}
