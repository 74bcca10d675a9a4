import type { Instrumentation } from "next";
import { describeRequestError } from "@/lib/request-error-line";
import { installErrorMessages } from "@/lib/validations/error-map";

/** Once per server process, before any request: every schema's refusals in plain sentences. */
export function register() {
  installErrorMessages();
}

/**
 * One line per failed request, with the digest the error page shows. Next also prints the error
 * itself (name, message, stack) and has no switch to stop that, which is why the data layer
 * throws errors whose message holds no request text (lib/db/database-error.ts).
 */
export const onRequestError: Instrumentation.onRequestError = (error, request, context) => {
  console.error(describeRequestError(error, request, context));
};
