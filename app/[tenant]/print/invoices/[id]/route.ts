import { printInvoiceAction } from "@/lib/actions/printing/print-invoice";
import { answerPrint } from "@/lib/documents/pdf/pdf-response";
import { INVOICE_NOT_FOUND } from "@/lib/documents/printing/print-invoice";

type Context = { params: Promise<{ tenant: string; id: string }> };

/** An issued invoice or credit note as a PDF to print or send; for the roles that see billing. */
export async function GET(_request: Request, { params }: Context) {
  const { id } = await params;
  return answerPrint({
    id,
    notFound: INVOICE_NOT_FOUND,
    print: (invoiceId) => printInvoiceAction({ invoiceId }),
  });
}
