import { signIn } from "@/lib/auth/auth";
import { answerOpenClinicGet, answerOpenClinicPost } from "@/lib/auth/open-clinic-request";

type Context = { params: Promise<{ tenant: string }> };

/** Not a way in: tickets come by POST from the admin console only. */
export async function GET(request: Request, { params }: Context) {
  return answerOpenClinicGet(request, (await params).tenant);
}

/** "Open clinic" from the admin console: redeems the posted one-time ticket on the clinic's own host. */
export async function POST(request: Request, { params }: Context) {
  return answerOpenClinicPost(request, {
    tenant: (await params).tenant,
    signInWithTicket: (ticket) => signIn("ticket", { ticket, redirect: false }),
  });
}
