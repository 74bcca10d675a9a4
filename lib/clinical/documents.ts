import { createHash } from "node:crypto";
import type { Actor } from "@/lib/auth/actor";
import { type ClinicPermission, clinicRoleCan } from "@/lib/auth/permissions";
import { recordAuditEvent } from "@/lib/clinic/audit";
import { AppError } from "@/lib/errors";
import type { DocumentCategory, StaffRole } from "@/lib/generated/tenant/enums";
import type { TenantDb } from "@/lib/tenancy/tenant-db";
import {
  DOCUMENT_CATEGORIES,
  type DocumentCategoryCode,
  isAdministrativeCategory,
  type UploadDocumentFields,
} from "@/lib/validations/documents";
import { MAX_UPLOAD_MB, UPLOAD_TYPES, type UploadContentType } from "./file-types";
import { PATIENT_NOT_FOUND } from "./immunizations";

/** Who may upload a category: the front desk files administrative papers, clinicians clinical ones. */
export function uploadPermissionOf(category: string): ClinicPermission {
  return isAdministrativeCategory(category) ? "documents.uploadAdministrative" : "documents.uploadClinical";
}

/** Who may see or download a category: clinical documents are part of the chart. */
export function viewPermissionOf(category: string): ClinicPermission {
  return isAdministrativeCategory(category) ? "documents.viewAdministrative" : "chart.view";
}

export function uploadableCategories(role: StaffRole): DocumentCategoryCode[] {
  return DOCUMENT_CATEGORIES.map((item) => item.value).filter((value) =>
    clinicRoleCan(role, uploadPermissionOf(value)),
  );
}

export function viewableCategories(role: StaffRole): DocumentCategoryCode[] {
  return DOCUMENT_CATEGORIES.map((item) => item.value).filter((value) =>
    clinicRoleCan(role, viewPermissionOf(value)),
  );
}

/** The clinic's upload limit in megabytes: its setting, never above the platform's 10. */
export async function findMaxUploadMb(db: TenantDb): Promise<number> {
  const row = await db.clinicSetting.findUnique({ where: { id: 1 }, select: { maxUploadMb: true } });
  const setting = row?.maxUploadMb ?? MAX_UPLOAD_MB;
  return Math.min(MAX_UPLOAD_MB, Math.max(1, setting));
}

export type DocumentRow = {
  id: string;
  category: DocumentCategoryCode;
  title: string;
  fileName: string;
  contentType: string;
  sizeBytes: number;
  visitId: string | null;
  uploadedBy: string;
  createdAt: Date;
  enteredInErrorAt: Date | null;
  enteredInErrorReason: string | null;
};

/** A patient's documents this role may see, newest first; those entered in error only when asked for. */
export async function findPatientDocuments(options: {
  db: TenantDb;
  patientId: string;
  role: StaffRole;
  includeEnteredInError?: boolean;
}): Promise<DocumentRow[]> {
  const { db, patientId, role, includeEnteredInError = false } = options;
  const rows = await db.patientDocument.findMany({
    where: {
      patientId,
      category: { in: viewableCategories(role) },
      ...(includeEnteredInError ? {} : { enteredInErrorAt: null }),
    },
    orderBy: { createdAt: "desc" },
    select: {
      id: true,
      category: true,
      title: true,
      fileName: true,
      contentType: true,
      sizeBytes: true,
      visitId: true,
      uploadedById: true,
      createdAt: true,
      enteredInErrorAt: true,
      enteredInErrorReason: true,
    },
  });
  const staff = await db.staffUser.findMany({
    where: { id: { in: [...new Set(rows.map((row) => row.uploadedById))] } },
    select: { id: true, name: true },
  });
  const names = new Map(staff.map((member) => [member.id, member.name]));
  return rows.map(({ uploadedById, ...row }) => ({
    ...row,
    uploadedBy: names.get(uploadedById) ?? "A former staff member",
  }));
}

/** Whether the patient is this clinic's (a cheap check before an upload is read). */
export async function patientExists(db: TenantDb, patientId: string): Promise<boolean> {
  return (await db.patient.count({ where: { id: patientId } })) > 0;
}

/**
 * The name a download is saved under: the uploaded name without any folder or control character,
 * ending in the extension of what the bytes are (a PNG named "scan.pdf" becomes "scan.png").
 */
export function storedFileName(uploadedName: string, title: string, contentType: UploadContentType): string {
  const extension = UPLOAD_TYPES.find((type) => type.contentType === contentType)?.extension ?? "bin";
  const base = (uploadedName.split(/[\\/]/).at(-1) ?? "")
    .replace(/[\p{Cc}\p{Cf}]/gu, "")
    .replace(/\.[A-Za-z0-9]{1,5}$/, "")
    .trim()
    .slice(0, 150);
  const fallback =
    title
      .replace(/[\p{Cc}\p{Cf}\\/]/gu, "")
      .trim()
      .slice(0, 150) || "document";
  return `${base || fallback}.${extension}`;
}

/**
 * Stores an upload whose bytes were already checked: the document row, its content with its
 * SHA-256, and the audit row, in one transaction.
 */
export async function storePatientDocument(options: {
  db: TenantDb;
  actor: Actor;
  fields: UploadDocumentFields;
  fileName: string;
  contentType: UploadContentType;
  bytes: Uint8Array<ArrayBuffer>;
}): Promise<{ id: string }> {
  const { db, actor, fields, fileName, contentType, bytes } = options;
  return db.$transaction(async (tx) => {
    const patient = await tx.patient.findUnique({ where: { id: fields.patientId }, select: { id: true } });
    if (!patient) throw new AppError("NOT_FOUND", PATIENT_NOT_FOUND);
    if (fields.visitId) {
      const visit = await tx.visit.findFirst({ where: { id: fields.visitId, patientId: patient.id } });
      if (!visit) {
        const message = "That visit is not one of this patient's: choose another or none.";
        throw new AppError("INVALID", message, { visitId: message });
      }
    }
    const created = await tx.patientDocument.create({
      data: {
        patientId: patient.id,
        visitId: fields.visitId,
        category: fields.category as DocumentCategory,
        title: fields.title,
        fileName,
        contentType,
        sizeBytes: bytes.byteLength,
        sha256: createHash("sha256").update(bytes).digest("hex"),
        uploadedById: actor.id,
        content: { create: { bytes } },
      },
      select: { id: true },
    });
    await recordAuditEvent(tx, {
      actor,
      action: "document.uploaded",
      targetType: "patient",
      targetId: patient.id,
      details: { documentId: created.id, category: fields.category, sizeBytes: bytes.byteLength },
    });
    return created;
  });
}

export const DOCUMENT_NOT_FOUND = "This document is not in this patient's records.";

/** A document and its bytes, for a download this role may make; another patient's id is NOT_FOUND. */
export async function findDocumentForDownload(options: {
  db: TenantDb;
  role: StaffRole;
  patientId: string;
  documentId: string;
}) {
  const { db, role, patientId, documentId } = options;
  const document = await db.patientDocument.findFirst({
    where: { id: documentId, patientId },
    select: { id: true, patientId: true, category: true, fileName: true, contentType: true, content: true },
  });
  if (!document?.content) throw new AppError("NOT_FOUND", DOCUMENT_NOT_FOUND);
  if (!clinicRoleCan(role, viewPermissionOf(document.category)))
    throw new AppError("FORBIDDEN", "Clinical documents are not shown to your role.");
  return { ...document, bytes: document.content.bytes };
}

/** Marks a document uploaded by mistake: kept (and downloadable), hidden from the list, audited. */
export async function markDocumentEnteredInError(options: {
  db: TenantDb;
  actor: Actor;
  role: StaffRole;
  documentId: string;
  reason: string;
}): Promise<{ id: string; patientId: string }> {
  const { db, actor, role, documentId, reason } = options;
  return db.$transaction(async (tx) => {
    const row = await tx.patientDocument.findUnique({
      where: { id: documentId },
      select: { id: true, patientId: true, category: true, enteredInErrorAt: true },
    });
    if (!row) throw new AppError("NOT_FOUND", "This document is not in this clinic's records.");
    if (!clinicRoleCan(role, uploadPermissionOf(row.category)))
      throw new AppError(
        "FORBIDDEN",
        "Only staff who may upload this kind of document can mark it in error.",
      );
    if (row.enteredInErrorAt)
      throw new AppError("CONFLICT", "This document is already marked as entered in error.");
    await tx.patientDocument.update({
      where: { id: row.id },
      data: { enteredInErrorAt: new Date(), enteredInErrorReason: reason },
    });
    await recordAuditEvent(tx, {
      actor,
      action: "document.entered-in-error",
      targetType: "patient",
      targetId: row.patientId,
      details: { documentId: row.id, category: row.category },
    });
    return { id: row.id, patientId: row.patientId };
  });
}
