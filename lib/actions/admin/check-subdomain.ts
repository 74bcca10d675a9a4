import { checkSubdomainAvailability } from "../../admin/subdomain-availability";
import { checkSubdomainSchema } from "../../validations/admin";
import { definePlatformAction, runPlatformAction } from "../platform-action";

/** The create form's live check: valid? reserved? taken? held after a deletion? (A read: not audited.) */
export const checkSubdomainAction = definePlatformAction({
  schema: checkSubdomainSchema,
  permission: "clinics.create",
  handler: ({ input, session, db }) =>
    checkSubdomainAvailability({ central: db, userId: session.user.id, subdomain: input.subdomain }),
});

// Inline "use server": a module-level one would expose the prepared action (which trusts its
// session argument) as an endpoint too. Pages pass this to their client components.
export async function runCheckSubdomain(input: unknown) {
  "use server";
  return runPlatformAction(checkSubdomainAction, input);
}
