"use server";

import { definePlatformAction } from "@/lib/action-pipeline/define-platform-action";
import { checkSubdomainAvailability } from "@/lib/admin/subdomain-availability";
import { checkSubdomainSchema } from "@/lib/validations/admin";

/** The create form's live check: valid? reserved? taken? held after a deletion? (A read: not audited.) */
export const checkSubdomainAction = definePlatformAction({
  schema: checkSubdomainSchema,
  permission: "clinics.create",
  handler: ({ input, session, db }) =>
    checkSubdomainAvailability({ central: db, userId: session.user.id, subdomain: input.subdomain }),
});
