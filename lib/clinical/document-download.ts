import { z } from "zod";
import { defineClinicAction } from "@/lib/action-pipeline/define-clinic-action";
import type { ActionResult } from "@/lib/action-pipeline/result";
import { refusalResponse } from "@/lib/action-pipeline/route-response";
import { recordChartReadBy } from "./chart-read";
import { DOCUMENT_NOT_FOUND, findDocumentForDownload } from "./documents";

type DownloadInput = { patientId: string; documentId: string };
export type DownloadedDocument = { fileName: string; contentType: string; bytes: Uint8Array };

/**
 * One document's bytes through the action pipeline: any role that sees administrative documents
 * passes the gate, and a clinical one also needs chart.view. Every download is a chart read.
 */
export const downloadDocument = defineClinicAction({
  schema: z.object({ patientId: z.uuid(DOCUMENT_NOT_FOUND), documentId: z.uuid(DOCUMENT_NOT_FOUND) }),
  permission: "documents.viewAdministrative",
  handler: async ({ input, db, role, actor }): Promise<DownloadedDocument> => {
    const document = await findDocumentForDownload({ db, role, ...input });
    await recordChartReadBy(db, actor, {
      patientId: document.patientId,
      what: "document",
      itemId: document.id,
    });
    return { fileName: document.fileName, contentType: document.contentType, bytes: document.bytes };
  },
});

/**
 * `attachment; filename="…"; filename*=UTF-8''…` (RFC 6266 with RFC 5987's encoding): an ASCII
 * stand-in for old browsers, the real name for the rest.
 */
export function contentDispositionOf(fileName: string): string {
  const ascii = fileName.replace(/[^\x20-\x7e]/g, "_").replace(/["\\]/g, "_");
  const encoded = encodeURIComponent(fileName).replace(
    /['()*]/g,
    (char) => `%${char.charCodeAt(0).toString(16).toUpperCase()}`,
  );
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encoded}`;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** GET /patients/<id>/documents/<documentId>/download: the file, never shown inline, never cached. */
export async function answerDocumentDownload(options: {
  patientId: string;
  documentId: string;
  download: (input: DownloadInput) => Promise<ActionResult<DownloadedDocument>>;
}): Promise<Response> {
  const { patientId, documentId } = options;
  // An id that cannot exist is simply not found, like another clinic's.
  if (!UUID.test(patientId) || !UUID.test(documentId))
    return refusalResponse({ code: "NOT_FOUND", message: DOCUMENT_NOT_FOUND });
  const result = await options.download({ patientId, documentId });
  if (!result.ok) return refusalResponse(result.error);
  const { bytes, contentType, fileName } = result.data;
  return new Response(new Uint8Array(bytes), {
    headers: {
      "Content-Type": contentType,
      "Content-Length": String(bytes.byteLength),
      "Content-Disposition": contentDispositionOf(fileName),
      "X-Content-Type-Options": "nosniff",
      "Cache-Control": "private, no-store",
    },
  });
}
