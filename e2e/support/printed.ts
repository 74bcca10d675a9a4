import { expect, type Page } from "@playwright/test";
import { pdfText } from "@/lib/testing/pdf-text";

/**
 * A print link fetched by the page itself (its cookies, its clinic host), as opening it in a new
 * tab does; the PDF's text with runs of spaces folded, after checking it came as a PDF.
 */
export async function printedText(page: Page, href: string): Promise<string> {
  const answer = await page.evaluate(async (url) => {
    const response = await fetch(url);
    return {
      status: response.status,
      type: response.headers.get("content-type"),
      bytes: [...new Uint8Array(await response.arrayBuffer())],
    };
  }, href);
  expect(answer.status, href).toBe(200);
  expect(answer.type, href).toBe("application/pdf");
  return pdfText(Uint8Array.from(answer.bytes)).replace(/[ \t]+/g, " ");
}
