"use server";

import { defineClinicAction } from "@/lib/action-pipeline/define-clinic-action";
import { createReferralLetter } from "@/lib/clinical/letters/write-referral-letter";
import { writeReferralLetterSchema } from "@/lib/validations/letters";

/** A doctor writes a referral letter from a visit: once, never changed afterwards. */
export const writeReferralLetterAction = defineClinicAction({
  schema: writeReferralLetterSchema,
  permission: "letters.write",
  handler: ({ input, db, actor }) => createReferralLetter({ db, actor, input }),
});
