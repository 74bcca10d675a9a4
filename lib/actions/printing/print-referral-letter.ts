"use server";

import { z } from "zod";
import { defineClinicAction } from "@/lib/action-pipeline/define-clinic-action";
import { printReferralLetter, REFERRAL_LETTER_NOT_FOUND } from "@/lib/documents/printing/print-letter";

/** A referral letter as a PDF (a reprint says COPY); every print is logged and audited. */
export const printReferralLetterAction = defineClinicAction({
  schema: z.object({ referralLetterId: z.uuid(REFERRAL_LETTER_NOT_FOUND) }),
  permission: "letters.write",
  handler: ({ input, db, actor }) =>
    printReferralLetter({ db, actor, referralLetterId: input.referralLetterId }),
});
