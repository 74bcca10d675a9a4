"use server";

import { defineClinicAction } from "@/lib/action-pipeline/define-clinic-action";
import { deleteTemplate } from "@/lib/clinical/templates";
import { deleteTemplateSchema } from "@/lib/validations/templates";

/** A clinician removes one of their own templates or quick texts. */
export const deleteOwnTemplateAction = defineClinicAction({
  schema: deleteTemplateSchema,
  permission: "templates.manageOwn",
  handler: ({ input, db, actor }) =>
    deleteTemplate({ db, actor, scope: "own", templateId: input.templateId }),
});
