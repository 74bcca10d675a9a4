import { bpToPercent } from "@/lib/validations/price-list";

type Tax = { taxTreatment: string; taxRateBp: number | null; exemptReason: string | null };

/** How a row's tax reads in the price list: "20 %", "Zero-rated", or "Exempt: the reason". */
export function taxText(tax: Tax): string {
  if (tax.taxTreatment === "RATED" && tax.taxRateBp !== null) return `${bpToPercent(tax.taxRateBp)} %`;
  if (tax.taxTreatment === "ZERO_RATED") return "Zero-rated";
  return `Exempt: ${tax.exemptReason ?? ""}`;
}
