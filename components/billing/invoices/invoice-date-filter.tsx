import Link from "next/link";
import { Button } from "@/components/ui/button";
import { Input, Label } from "@/components/ui/input";
import { listHref } from "@/components/ui/list-href";

/**
 * From/To clinic days as a GET form: the choice lives in the URL (?from=&to=), the state filter
 * chosen above rides along, and a new range starts again at the first page.
 */
export function InvoiceDateFilter({ from, to, state }: { from?: string; to?: string; state?: string }) {
  return (
    <form method="get" aria-label="Invoice dates" className="flex flex-wrap items-end gap-3">
      {state ? <input type="hidden" name="state" value={state} /> : null}
      <div className="flex w-[calc(50%-0.375rem)] flex-col gap-1 sm:w-44">
        <Label htmlFor="invoices-from">From</Label>
        <Input id="invoices-from" name="from" type="date" defaultValue={from} max={to} />
      </div>
      <div className="flex w-[calc(50%-0.375rem)] flex-col gap-1 sm:w-44">
        <Label htmlFor="invoices-to">To</Label>
        <Input id="invoices-to" name="to" type="date" defaultValue={to} min={from} />
      </div>
      <Button type="submit" variant="secondary">
        Show
      </Button>
      {from || to ? (
        <Link className="py-2 text-sm text-brand-700 underline" href={listHref("/billing", { state })}>
          Any date
        </Link>
      ) : null}
    </form>
  );
}
