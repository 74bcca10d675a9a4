import { printReceiptAction } from "@/lib/actions/printing/print-receipt";
import { answerPrint } from "@/lib/documents/pdf/pdf-response";
import { RECEIPT_NOT_FOUND } from "@/lib/documents/printing/print-receipt";

type Context = { params: Promise<{ tenant: string; id: string }> };

/** A payment's receipt as a PDF to print or hand over; for the roles that see billing. */
export async function GET(_request: Request, { params }: Context) {
  const { id } = await params;
  return answerPrint({
    id,
    notFound: RECEIPT_NOT_FOUND,
    print: (paymentId) => printReceiptAction({ paymentId }),
  });
}
