import { printStatementAction } from "@/lib/actions/printing/print-statement";
import { PATIENT_NOT_FOUND } from "@/lib/billing/reports/statement";
import { answerPrint } from "@/lib/documents/pdf/pdf-response";

type Context = { params: Promise<{ tenant: string; patientId: string }> };

/** A patient's statement as a PDF: ?from=YYYY-MM-DD&to=YYYY-MM-DD (clinic-local days, inclusive). */
export async function GET(request: Request, { params }: Context) {
  const { patientId } = await params;
  const query = new URL(request.url).searchParams;
  return answerPrint({
    id: patientId,
    notFound: PATIENT_NOT_FOUND,
    print: (id) =>
      printStatementAction({ patientId: id, from: query.get("from") ?? "", to: query.get("to") ?? "" }),
  });
}
