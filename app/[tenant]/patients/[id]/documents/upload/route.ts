import { answerDocumentUpload, uploadDocument } from "@/lib/clinical/document-upload";

type Context = { params: Promise<{ tenant: string; id: string }> };

/** A document for a patient: multipart form with `file`, `category`, `title` and optional `visitId`. */
export async function POST(request: Request, { params }: Context) {
  return answerDocumentUpload(request, { patientId: (await params).id, upload: uploadDocument });
}
