import type { ActionResult } from "@/lib/action-pipeline/result";
import { refusalResponse } from "@/lib/action-pipeline/route-response";
import type { PrintedFile } from "../prints";
import { PDF_CONTENT_SECURITY_POLICY } from "./pdf-policy";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * GET /print/<kind>/<id>: the PDF shown in the browser's viewer (to print or save), never cached;
 * a refusal answers like every route handler, with its status and `{ error }`.
 */
export async function answerPrint(options: {
  id: string;
  notFound: string;
  print: (id: string) => Promise<ActionResult<PrintedFile>>;
}): Promise<Response> {
  // An id that cannot exist is simply not found, like another clinic's.
  if (!UUID.test(options.id)) return refusalResponse({ code: "NOT_FOUND", message: options.notFound });
  const result = await options.print(options.id);
  if (!result.ok) return refusalResponse(result.error);
  const { bytes, fileName } = result.data;
  return new Response(new Uint8Array(bytes), {
    headers: {
      "Content-Type": "application/pdf",
      "Content-Length": String(bytes.byteLength),
      "Content-Disposition": `inline; filename="${fileName.replace(/[^\w.-]/g, "_")}"`,
      "X-Content-Type-Options": "nosniff",
      // The middleware's page policy still replaces this one for now: it must give /print/ paths this policy.
      "Content-Security-Policy": PDF_CONTENT_SECURITY_POLICY,
      "Cache-Control": "private, no-store",
    },
  });
}
