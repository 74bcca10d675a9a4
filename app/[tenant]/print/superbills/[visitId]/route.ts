import { printSuperbillAction } from "@/lib/actions/printing/print-superbill";
import { VISIT_NOT_FOUND } from "@/lib/billing/reports/superbill";
import { answerPrint } from "@/lib/documents/pdf/pdf-response";

type Context = { params: Promise<{ tenant: string; visitId: string }> };

/** A visit's superbill as a PDF, for the patient to claim from their insurer. */
export async function GET(_request: Request, { params }: Context) {
  const { visitId } = await params;
  return answerPrint({
    id: visitId,
    notFound: VISIT_NOT_FOUND,
    print: (id) => printSuperbillAction({ visitId: id }),
  });
}
