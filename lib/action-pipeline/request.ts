import { headers } from "next/headers";
import { readSessionClaims } from "../auth/current";
import { clientOf, type RequestClient } from "../auth/request-context";
import type { SessionClaims } from "../auth/sign-in";

/** Everything an action takes from its HTTP request: the Host header, the cookie's claims, the client. */
export type ActionRequest = {
  /** The realm comes from this alone (never from a header a client could forge). */
  host: string | null;
  /** The session cookie's claims, not yet checked against anything. */
  claims: SessionClaims | undefined;
  client: RequestClient;
};

export async function readActionRequest(): Promise<ActionRequest> {
  const requestHeaders = await headers();
  return {
    host: requestHeaders.get("host"),
    claims: await readSessionClaims(),
    client: clientOf(requestHeaders),
  };
}
