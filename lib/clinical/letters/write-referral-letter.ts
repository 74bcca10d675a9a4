import type { WriteReferralLetterInput } from "@/lib/validations/letters";
import { type WriteLetterOptions, writeVisitLetter } from "./write-visit-letter";

/**
 * Writes a referral letter from a visit, as the doctor confirmed its text, with the paper's
 * heading as it is now. Written once: the database refuses any later change. The audit row names
 * the urgency, never the recipient, reason or text.
 */
export async function createReferralLetter(
  options: WriteLetterOptions<WriteReferralLetterInput>,
): Promise<{ id: string }> {
  const { input, now = new Date() } = options;
  return writeVisitLetter({
    ...options,
    now,
    create: (tx, columns) =>
      tx.referralLetter.create({
        data: {
          ...columns,
          recipient: input.recipient,
          recipientAddress: input.recipientAddress,
          reason: input.reason,
          history: input.history,
          body: input.body,
        },
        select: { id: true },
      }),
    audit: (referralLetterId) => ({
      action: "referral-letter.written",
      details: { referralLetterId, urgency: input.urgency },
    }),
  });
}
