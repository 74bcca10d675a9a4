/** How many minor-unit digits a currency has (JPY 0, EUR 2, BHD 3), as Intl knows it. */
export function currencyDigits(currency: string): number {
  return (
    new Intl.NumberFormat("en", { style: "currency", currency }).resolvedOptions().maximumFractionDigits ?? 2
  );
}

export type MoneyParse = { ok: true; minor: number } | { ok: false; message: string };

/**
 * Reads what staff type ("12.50", "12,50", "1 200", "1,250.50") as integer minor units for the currency,
 * without floats: the digits are joined as text. More decimals than the currency has are refused.
 */
export function parseMoneyInput(text: string, currency: string): MoneyParse {
  const digits = currencyDigits(currency);
  let cleaned = text.trim().replace(/[\s\u00a0']/g, "");
  // With both marks ("1,250.50", "1.250,50") the later one is the decimal mark, the other groups thousands.
  if (cleaned.includes(",") && cleaned.includes(".")) {
    const grouping = cleaned.lastIndexOf(",") > cleaned.lastIndexOf(".") ? "." : ",";
    cleaned = cleaned.replaceAll(grouping, "");
  }
  const match = /^(\d+)(?:[.,](\d*))?$/.exec(cleaned);
  if (!match) {
    return { ok: false, message: `Enter an amount such as ${example(currency)}, without the currency sign.` };
  }
  const [, whole = "0", fraction = ""] = match;
  if (fraction.length > digits) {
    return {
      ok: false,
      message:
        digits === 0
          ? `${currency} has no decimals: enter a whole amount such as ${example(currency)}.`
          : `${currency} has ${digits} decimals at most: enter an amount such as ${example(currency)}.`,
    };
  }
  const minor = Number(`${whole}${fraction.padEnd(digits, "0")}`);
  if (!Number.isSafeInteger(minor) || minor > 2_000_000_000) {
    return { ok: false, message: "That amount is too large." };
  }
  return { ok: true, minor };
}

/** Minor units as the plain number a form field shows: 1250 EUR → "12.50", 1500 JPY → "1500". */
export function minorToInput(minor: number, currency: string): string {
  const digits = currencyDigits(currency);
  if (digits === 0) return String(minor);
  const sign = minor < 0 ? "-" : "";
  const text = String(Math.abs(minor)).padStart(digits + 1, "0");
  return `${sign}${text.slice(0, -digits)}.${text.slice(-digits)}`;
}

/** Minor units for display in the clinic's currency: 1250 EUR → "€12.50". The one money formatter. */
export function formatMoney(minor: number, currency: string, locale = "en"): string {
  // Intl formats the exact decimal string, so no float division by a power of ten is involved.
  const formatter = new Intl.NumberFormat(locale, { style: "currency", currency });
  return formatter.format(minorToInput(minor, currency) as Intl.StringNumericLiteral);
}

function example(currency: string): string {
  const digits = currencyDigits(currency);
  return digits === 0 ? "1500" : `12.${"5".padEnd(digits, "0")}`;
}

/** The amount typed, in minor units, or null when it is not one (parseMoneyInput says why). */
export function parseMoney(text: string, currency: string): number | null {
  const parsed = parseMoneyInput(text, currency);
  return parsed.ok ? parsed.minor : null;
}
