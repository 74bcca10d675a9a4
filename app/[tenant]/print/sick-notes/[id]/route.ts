import { printSickNoteAction } from "@/lib/actions/printing/print-sick-note";
import { answerPrint } from "@/lib/documents/pdf/pdf-response";
import { SICK_NOTE_NOT_FOUND } from "@/lib/documents/printing/print-letter";

type Context = { params: Promise<{ tenant: string; id: string }> };

/** A sick note as a PDF (a reprint says COPY); for the roles that write letters. */
export async function GET(_request: Request, { params }: Context) {
  const { id } = await params;
  return answerPrint({
    id,
    notFound: SICK_NOTE_NOT_FOUND,
    print: (sickNoteId) => printSickNoteAction({ sickNoteId }),
  });
}
