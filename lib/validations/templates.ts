import { z } from "zod";

export const TEMPLATE_KINDS = ["TEMPLATE", "QUICK_TEXT"] as const;

/** What is typed after the dot: letters and digits, starting with a letter (".nad"). */
export const QUICK_TEXT_CODE = /^[a-z][a-z0-9]{0,19}$/;

export const saveTemplateSchema = z
  .object({
    /** Absent for a new one. */
    templateId: z.uuid("Choose a template.").optional(),
    kind: z.enum(TEMPLATE_KINDS, "Choose template or quick text."),
    name: z.string().trim().min(1, "Give it a name, e.g. Sore throat.").max(100),
    code: z
      .string()
      .trim()
      .toLowerCase()
      .max(20, "Keep the code to 20 characters or fewer.")
      .optional()
      .transform((value) => value || null),
    body: z.string().trim().min(1, "Write the text to insert.").max(5000),
  })
  .superRefine((value, context) => {
    if (value.kind !== "QUICK_TEXT") return;
    if (!value.code)
      context.addIssue({ code: "custom", path: ["code"], message: "Give the quick text a code, e.g. nad." });
    else if (!QUICK_TEXT_CODE.test(value.code))
      context.addIssue({
        code: "custom",
        path: ["code"],
        message: "Use letters and digits only, starting with a letter (e.g. nad or bp2).",
      });
  });

export type SaveTemplateInput = z.output<typeof saveTemplateSchema>;

export const deleteTemplateSchema = z.object({
  templateId: z.uuid("Choose a template."),
});
