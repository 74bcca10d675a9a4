import { answerDocumentDownload, downloadDocument } from "@/lib/clinical/document-download";

type Context = { params: Promise<{ tenant: string; id: string; documentId: string }> };

/** One of the patient's documents as an attachment, for a role that may see its category. */
export async function GET(_request: Request, { params }: Context) {
  const { id, documentId } = await params;
  return answerDocumentDownload({ patientId: id, documentId, download: downloadDocument });
}
