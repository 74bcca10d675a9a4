"use server";

import { defineClinicAction } from "@/lib/action-pipeline/define-clinic-action";
import { saveTemplate } from "@/lib/clinical/templates";
import { saveTemplateSchema } from "@/lib/validations/templates";

/** The owner adds or changes one of the clinic's shared templates or quick texts. */
export const saveClinicTemplateAction = defineClinicAction({
  schema: saveTemplateSchema,
  permission: "templates.manageClinic",
  handler: ({ input, db, actor }) => saveTemplate({ db, actor, scope: "clinic", input }),
});
