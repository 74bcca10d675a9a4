import Form from "next/form";
import { Button } from "@/components/ui/button";
import { Input, Label } from "@/components/ui/input";

/** The registry's search box: a GET form, so a search is a URL (?q=) that can be shared and reloaded. */
export function PatientSearch({ query }: { query: string }) {
  return (
    <Form action="/patients" role="search" className="flex flex-col gap-1.5">
      <Label htmlFor="patient-search">Find a patient</Label>
      <div className="flex gap-2">
        <Input
          id="patient-search"
          name="q"
          type="search"
          defaultValue={query}
          placeholder="Name, record number (P-000123), phone or date of birth (YYYY-MM-DD)"
          aria-describedby="patient-search-hint"
          className="max-w-xl"
        />
        <Button type="submit" variant="secondary">
          Search
        </Button>
      </div>
      <p id="patient-search-hint" className="text-xs text-slate-600">
        Several words must all match the name, e.g. &ldquo;ada love&rdquo;.
      </p>
    </Form>
  );
}
