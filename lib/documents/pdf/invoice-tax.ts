import { formatRate, type TaxTreatment } from "@/lib/billing/money";

/** What the tax columns of an invoice read from one line. */
export type TaxedLine = {
  taxTreatment: TaxTreatment;
  taxRateBp: number | null;
  exemptReason: string | null;
  netMinor: number;
  taxMinor: number;
};

/** One row of an invoice's tax summary: the net amount and the tax at one rate (or one exemption). */
export type TaxBand = { label: string; netMinor: number; taxMinor: number };

/** "Exempt: medical care, Art. 132(1)(c)": the reason as printed, without saying "Exempt" twice. */
export function exemptText(reason: string | null): string {
  const text = reason?.trim() || "reason not recorded";
  return /^exempt\b/i.test(text) ? text : `Exempt: ${text}`;
}

/** The line's tax column: its rate, "Zero-rated" (taxed at 0 %) or "Exempt" (outside tax). */
export function taxColumnOf(line: TaxedLine): string {
  if (line.taxTreatment === "RATED") return formatRate(line.taxRateBp ?? 0);
  return line.taxTreatment === "ZERO_RATED" ? "Zero-rated" : "Exempt";
}

function bandOf(line: TaxedLine): { key: string; label: string; order: number } {
  if (line.taxTreatment === "RATED") {
    const rate = line.taxRateBp ?? 0;
    return { key: `rated:${rate}`, label: `Tax at ${formatRate(rate)}`, order: -rate };
  }
  if (line.taxTreatment === "ZERO_RATED") return { key: "zero", label: "Zero-rated (0 %)", order: 1 };
  const label = exemptText(line.exemptReason);
  return { key: `exempt:${label}`, label, order: 2 };
}

/**
 * The taxable amount and tax per rate (art. 226(8) and (10) of the VAT Directive), zero-rated and
 * each exemption reason on rows of their own: highest rate first, then zero-rated, then exempt.
 */
export function taxBands(lines: TaxedLine[]): TaxBand[] {
  const bands = new Map<string, TaxBand & { order: number }>();
  for (const line of lines) {
    const { key, label, order } = bandOf(line);
    const band = bands.get(key) ?? { label, netMinor: 0, taxMinor: 0, order };
    band.netMinor += line.netMinor;
    band.taxMinor += line.taxMinor;
    bands.set(key, band);
  }
  return [...bands.values()]
    .sort((a, b) => a.order - b.order || a.label.localeCompare(b.label))
    .map(({ label, netMinor, taxMinor }) => ({ label, netMinor, taxMinor }));
}
