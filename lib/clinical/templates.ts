import type { Actor } from "@/lib/auth/actor";
import { recordAuditEvent } from "@/lib/clinic/audit";
import { AppError } from "@/lib/errors";
import type { NoteTemplate } from "@/lib/generated/tenant/client";
import type { TenantDb } from "@/lib/tenancy/tenant-db";
import type { SaveTemplateInput } from "@/lib/validations/templates";

/** Whose templates: the clinic's shared ones (the owner keeps them) or the signed-in clinician's. */
export type TemplateScope = "clinic" | "own";

export type TemplateRow = Pick<NoteTemplate, "id" | "ownerId" | "kind" | "name" | "code" | "body">;

const ownerOf = (scope: TemplateScope, actor: Actor) => (scope === "clinic" ? null : actor.id);

/** The clinic's templates and quick texts, and the clinician's own (when given), by name. */
export function findTemplates(options: { db: TenantDb; ownerId: string | null }): Promise<TemplateRow[]> {
  const { db, ownerId } = options;
  return db.noteTemplate.findMany({
    where: { OR: [{ ownerId: null }, ...(ownerId ? [{ ownerId }] : [])] },
    orderBy: [{ kind: "asc" }, { name: "asc" }, { id: "asc" }],
    select: { id: true, ownerId: true, kind: true, name: true, code: true, body: true },
  });
}

/** Adds a template or quick text to a scope, or changes one of that scope's own. */
export async function saveTemplate(options: {
  db: TenantDb;
  actor: Actor;
  scope: TemplateScope;
  input: SaveTemplateInput;
}): Promise<TemplateRow> {
  const { db, actor, scope, input } = options;
  const ownerId = ownerOf(scope, actor);
  if (input.templateId) await findInScope(db, input.templateId, ownerId);
  const code = input.kind === "QUICK_TEXT" ? input.code : null;
  if (code) {
    const taken = await db.noteTemplate.findFirst({
      where: {
        ownerId,
        kind: "QUICK_TEXT",
        code,
        ...(input.templateId ? { id: { not: input.templateId } } : {}),
      },
      select: { id: true },
    });
    if (taken) {
      const message = `.${code} is already used by another quick text here; choose another code.`;
      throw new AppError("INVALID", message, { code: message });
    }
  }
  const data = { kind: input.kind, name: input.name, code, body: input.body };
  return db.$transaction(async (tx) => {
    const saved = input.templateId
      ? await tx.noteTemplate.update({ where: { id: input.templateId }, data })
      : await tx.noteTemplate.create({ data: { ...data, ownerId } });
    await recordAuditEvent(tx, {
      actor,
      action: input.templateId ? "template.changed" : "template.added",
      targetType: "template",
      targetId: saved.id,
      details: { kind: saved.kind, scope },
    });
    return saved;
  });
}

export async function deleteTemplate(options: {
  db: TenantDb;
  actor: Actor;
  scope: TemplateScope;
  templateId: string;
}): Promise<{ templateId: string }> {
  const { db, actor, scope, templateId } = options;
  const template = await findInScope(db, templateId, ownerOf(scope, actor));
  return db.$transaction(async (tx) => {
    await tx.noteTemplate.delete({ where: { id: templateId } });
    await recordAuditEvent(tx, {
      actor,
      action: "template.deleted",
      targetType: "template",
      targetId: templateId,
      details: { kind: template.kind, scope },
    });
    return { templateId };
  });
}

/** A template of this scope (the clinic's, or this clinician's own); anyone else's is not found. */
async function findInScope(db: TenantDb, templateId: string, ownerId: string | null) {
  const template = await db.noteTemplate.findUnique({ where: { id: templateId } });
  if (!template || template.ownerId !== ownerId)
    throw new AppError("NOT_FOUND", "No such template among the ones you keep.");
  return template;
}
