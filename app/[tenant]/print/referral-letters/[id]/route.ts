import { printReferralLetterAction } from "@/lib/actions/printing/print-referral-letter";
import { answerPrint } from "@/lib/documents/pdf/pdf-response";
import { REFERRAL_LETTER_NOT_FOUND } from "@/lib/documents/printing/print-letter";

type Context = { params: Promise<{ tenant: string; id: string }> };

/** A referral letter as a PDF (a reprint says COPY); for the roles that write letters. */
export async function GET(_request: Request, { params }: Context) {
  const { id } = await params;
  return answerPrint({
    id,
    notFound: REFERRAL_LETTER_NOT_FOUND,
    print: (referralLetterId) => printReferralLetterAction({ referralLetterId }),
  });
}
