"use server";

import { defineClinicAction } from "@/lib/action-pipeline/define-clinic-action";
import { saveTemplate } from "@/lib/clinical/templates";
import { saveTemplateSchema } from "@/lib/validations/templates";

/** A clinician adds or changes one of their own templates or quick texts. */
export const saveOwnTemplateAction = defineClinicAction({
  schema: saveTemplateSchema,
  permission: "templates.manageOwn",
  handler: ({ input, db, actor }) => saveTemplate({ db, actor, scope: "own", input }),
});
