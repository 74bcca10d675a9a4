import { Badge } from "@/components/ui/badge";
import { Cell, EmptyState, HeaderCell, Table, TableBody, TableHead } from "@/components/ui/table";
import { markDocumentEnteredInErrorAction } from "@/lib/actions/documents/mark-document-entered-in-error";
import type { DocumentRow } from "@/lib/clinical/documents";
import { fileSizeLabel, UPLOAD_TYPES } from "@/lib/clinical/file-types";
import { categoryLabel, isAdministrativeCategory } from "@/lib/validations/documents";
import { EnteredInErrorButton } from "./entered-in-error-button";

export type DocumentListRow = DocumentRow & { uploadedAtLabel: string; canMarkInError: boolean };

const typeLabel = (contentType: string) =>
  UPLOAD_TYPES.find((type) => type.contentType === contentType)?.label ?? contentType;

/** A patient's documents, newest first, each with its download link. */
export function DocumentTable({ patientId, rows }: { patientId: string; rows: DocumentListRow[] }) {
  if (rows.length === 0)
    return <EmptyState>No documents yet. Upload a scan or a photo with the form below.</EmptyState>;
  return (
    <Table caption="Documents" stackOnPhone>
      <TableHead>
        <HeaderCell>Title</HeaderCell>
        <HeaderCell>Category</HeaderCell>
        <HeaderCell>File</HeaderCell>
        <HeaderCell>Uploaded</HeaderCell>
        <HeaderCell className="sr-only">Actions</HeaderCell>
      </TableHead>
      <TableBody>
        {rows.map((row) => (
          <tr key={row.id} className={row.enteredInErrorAt ? "text-slate-500" : undefined}>
            <Cell className="font-medium text-slate-900">
              <span className={row.enteredInErrorAt ? "line-through" : undefined}>{row.title}</span>
              {row.enteredInErrorAt ? (
                <span className="mt-1 block">
                  <Badge tone="danger">Entered in error</Badge>{" "}
                  <span className="text-xs font-normal">{row.enteredInErrorReason}</span>
                </span>
              ) : null}
            </Cell>
            <Cell>
              <Badge tone={isAdministrativeCategory(row.category) ? "neutral" : "brand"}>
                {categoryLabel(row.category)}
              </Badge>
            </Cell>
            <Cell>
              <span className="break-all">{row.fileName}</span>
              <span className="block text-xs text-slate-600">
                {typeLabel(row.contentType)} · {fileSizeLabel(row.sizeBytes)}
              </span>
            </Cell>
            <Cell>
              {row.uploadedAtLabel}
              <span className="block text-xs text-slate-600">by {row.uploadedBy}</span>
            </Cell>
            <Cell className="whitespace-nowrap sm:text-right">
              <a
                href={`/patients/${patientId}/documents/${row.id}/download`}
                className="text-sm font-medium text-brand-700 underline-offset-2 hover:underline"
                download
              >
                Download
              </a>
              {row.canMarkInError && !row.enteredInErrorAt ? (
                <EnteredInErrorButton
                  what="this document"
                  input={{ documentId: row.id }}
                  action={markDocumentEnteredInErrorAction}
                />
              ) : null}
            </Cell>
          </tr>
        ))}
      </TableBody>
    </Table>
  );
}
