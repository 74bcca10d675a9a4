"use server";

import { defineClinicAction } from "@/lib/action-pipeline/define-clinic-action";
import { deleteTemplate } from "@/lib/clinical/templates";
import { deleteTemplateSchema } from "@/lib/validations/templates";

/** The owner removes one of the clinic's shared templates or quick texts. */
export const deleteClinicTemplateAction = defineClinicAction({
  schema: deleteTemplateSchema,
  permission: "templates.manageClinic",
  handler: ({ input, db, actor }) =>
    deleteTemplate({ db, actor, scope: "clinic", templateId: input.templateId }),
});
