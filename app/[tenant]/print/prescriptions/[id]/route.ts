import { printPrescriptionAction } from "@/lib/actions/printing/print-prescription";
import { answerPrint } from "@/lib/documents/pdf/pdf-response";
import { PRESCRIPTION_NOT_FOUND } from "@/lib/documents/printing/prescription-printable";

type Context = { params: Promise<{ tenant: string; id: string }> };

/** A signed prescription as a PDF to print (a reprint says COPY); for the roles that print prescriptions. */
export async function GET(_request: Request, { params }: Context) {
  const { id } = await params;
  return answerPrint({
    id,
    notFound: PRESCRIPTION_NOT_FOUND,
    print: (prescriptionId) => printPrescriptionAction({ prescriptionId }),
  });
}
