import { printVisitSummaryAction } from "@/lib/actions/printing/print-visit-summary";
import { VISIT_NOT_FOUND } from "@/lib/clinical/visit-summary";
import { answerPrint } from "@/lib/documents/pdf/pdf-response";

type Context = { params: Promise<{ tenant: string; id: string }> };

/** A visit's summary for the patient as a PDF (a reprint says COPY); for the roles that print summaries. */
export async function GET(_request: Request, { params }: Context) {
  const { id } = await params;
  return answerPrint({
    id,
    notFound: VISIT_NOT_FOUND,
    print: (visitId) => printVisitSummaryAction({ visitId }),
  });
}
