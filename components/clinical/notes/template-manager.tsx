"use client";

import { useState } from "react";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { Dialog } from "@/components/ui/dialog";
import { FormActions } from "@/components/ui/form-actions";
import { TextField } from "@/components/ui/form-field";
import { SelectField } from "@/components/ui/select";
import { EmptyState } from "@/components/ui/table";
import { TextAreaField } from "@/components/ui/textarea-field";
import { useActionCall } from "@/components/ui/use-action-call";
import { useActionForm } from "@/components/ui/use-action-form";
import { deleteClinicTemplateAction } from "@/lib/actions/templates/delete-clinic-template";
import { deleteOwnTemplateAction } from "@/lib/actions/templates/delete-own-template";
import { saveClinicTemplateAction } from "@/lib/actions/templates/save-clinic-template";
import { saveOwnTemplateAction } from "@/lib/actions/templates/save-own-template";
import type { TemplateRow, TemplateScope } from "@/lib/clinical/templates";
import { saveTemplateSchema } from "@/lib/validations/templates";

const KIND_OPTIONS = [
  { value: "TEMPLATE", label: "Template (inserted into a section)" },
  { value: "QUICK_TEXT", label: "Quick text (typed as .code)" },
];

/** One scope's templates and quick texts: listed, added, changed and removed by who keeps them. */
export function TemplateManager({
  scope,
  templates,
  editable,
}: {
  scope: TemplateScope;
  templates: TemplateRow[];
  editable: boolean;
}) {
  const [editing, setEditing] = useState<TemplateRow | "new" | null>(null);
  const [removing, setRemoving] = useState<TemplateRow | null>(null);
  const remove = useActionCall(scope === "clinic" ? deleteClinicTemplateAction : deleteOwnTemplateAction, {
    message: "inline",
    success: () => "Removed.",
    onSuccess: () => setRemoving(null),
  });
  return (
    <div className="flex flex-col gap-3">
      {editable ? (
        <div>
          <Button variant="secondary" onClick={() => setEditing("new")}>
            {scope === "clinic" ? "Add clinic template or quick text" : "Add template or quick text"}
          </Button>
        </div>
      ) : null}
      {templates.length === 0 ? (
        <EmptyState>
          {editable ? "None yet. Add a template for text you write often." : "The clinic has none yet."}
        </EmptyState>
      ) : (
        <ul className="flex flex-col divide-y divide-slate-100 rounded-lg border border-slate-200 bg-white">
          {templates.map((template) => (
            <li
              key={template.id}
              className="flex flex-col gap-2 p-3 sm:flex-row sm:items-start sm:justify-between"
            >
              <div className="flex min-w-0 flex-col gap-1">
                <p className="flex flex-wrap items-center gap-2">
                  <span className="font-medium text-slate-900">{template.name}</span>
                  {template.kind === "QUICK_TEXT" ? (
                    <Badge tone="brand" className="font-mono">
                      .{template.code}
                    </Badge>
                  ) : (
                    <Badge>Template</Badge>
                  )}
                </p>
                <p className="line-clamp-3 whitespace-pre-wrap break-words text-sm text-slate-600">
                  {template.body}
                </p>
              </div>
              {editable ? (
                <div className="flex shrink-0 gap-2">
                  <Button
                    size="sm"
                    variant="secondary"
                    onClick={() => setEditing(template)}
                    aria-label={`Edit ${template.name}`}
                  >
                    Edit
                  </Button>
                  <Button
                    size="sm"
                    variant="ghost"
                    onClick={() => setRemoving(template)}
                    aria-label={`Remove ${template.name}`}
                  >
                    Remove
                  </Button>
                </div>
              ) : null}
            </li>
          ))}
        </ul>
      )}
      <Dialog
        open={editing !== null}
        onClose={() => setEditing(null)}
        title={editing === "new" ? "Add a template or quick text" : "Edit"}
      >
        {editing ? (
          <TemplateForm
            key={editing === "new" ? "new" : editing.id}
            scope={scope}
            template={editing === "new" ? null : editing}
            onDone={() => setEditing(null)}
          />
        ) : null}
      </Dialog>
      {removing ? (
        <ConfirmDialog
          title={`Remove “${removing.name}”?`}
          confirmLabel="Remove"
          pendingLabel="Removing…"
          danger
          pending={remove.pending}
          error={remove.error}
          onConfirm={() => remove.call({ templateId: removing.id })}
          onClose={() => setRemoving(null)}
        >
          <p>Notes that already used it keep their text.</p>
        </ConfirmDialog>
      ) : null}
    </div>
  );
}

function TemplateForm({
  scope,
  template,
  onDone,
}: {
  scope: TemplateScope;
  template: TemplateRow | null;
  onDone: () => void;
}) {
  const { field, submit, pending, form } = useActionForm({
    schema: saveTemplateSchema,
    action: scope === "clinic" ? saveClinicTemplateAction : saveOwnTemplateAction,
    defaultValues: {
      ...(template ? { templateId: template.id } : {}),
      kind: template?.kind ?? "TEMPLATE",
      name: template?.name ?? "",
      code: template?.code ?? "",
      body: template?.body ?? "",
    },
    success: () => "Saved.",
    onSuccess: onDone,
  });
  const quickText = form.watch("kind") === "QUICK_TEXT";
  return (
    <form onSubmit={submit} noValidate className="flex flex-col gap-4">
      <SelectField label="Kind" options={KIND_OPTIONS} {...field("kind")} />
      <TextField label="Name" hint="How you find it in the list, e.g. Sore throat exam." {...field("name")} />
      {quickText ? (
        <TextField
          label="Code"
          hint="Typed after a dot, then a space: code nad expands .nad. Letters and digits."
          autoCapitalize="off"
          {...field("code")}
        />
      ) : null}
      <TextAreaField label="Text" rows={6} {...field("body")} />
      <FormActions pending={pending} submitLabel="Save" pendingLabel="Saving…" onCancel={onDone} />
    </form>
  );
}
