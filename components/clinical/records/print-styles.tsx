import { headers } from "next/headers";

// The workspace's bar and tabs are not part of a printed record; the page fills the paper.
const PRINT_CSS = `@media print {
  @page { margin: 16mm; }
  body, body > div { background: white !important; }
  header { display: none !important; }
  main#main { max-width: none !important; padding: 0 !important; }
}`;

/** Print rules for a printable page, under the request's CSP nonce (style-src-elem needs it). */
export async function PrintStyles() {
  const nonce = (await headers()).get("x-nonce") ?? undefined;
  return <style nonce={nonce}>{PRINT_CSS}</style>;
}
