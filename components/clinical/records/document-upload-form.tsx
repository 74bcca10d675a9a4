"use client";

import { useRouter } from "next/navigation";
import { useRef, useState } from "react";
import { SubmitButton } from "@/components/ui/form-actions";
import { TextField } from "@/components/ui/form-field";
import { LabelledField } from "@/components/ui/labelled-field";
import { Notice } from "@/components/ui/notice";
import { SelectField } from "@/components/ui/select";
import { useToast } from "@/components/ui/toast";
import {
  BYTES_PER_MB,
  detectFileType,
  tooLargeMessage,
  UPLOAD_ACCEPT,
  WRONG_TYPE_MESSAGE,
} from "@/lib/clinical/file-types";
import { categoryLabel, type DocumentCategoryCode } from "@/lib/validations/documents";
import { sendUpload } from "./upload-request";

type Errors = Partial<Record<"category" | "title" | "file" | "visitId", string>>;

/** What the browser can tell before sending: the size and the first bytes (the server checks again). */
async function checkFile(file: File | undefined, limitMb: number): Promise<string | null> {
  if (!file || file.size === 0) return "Choose a file to upload.";
  if (file.size > limitMb * BYTES_PER_MB) return tooLargeMessage(file.size, limitMb);
  const head = new Uint8Array(await file.slice(0, 8).arrayBuffer());
  return detectFileType(head) ? null : WRONG_TYPE_MESSAGE;
}

/** Uploads a PDF, JPEG or PNG to the patient, with a progress bar; refusals show on their fields. */
export function DocumentUploadForm({
  patientId,
  categories,
  visits,
  limitMb,
}: {
  patientId: string;
  categories: DocumentCategoryCode[];
  visits: { value: string; label: string }[];
  limitMb: number;
}) {
  const router = useRouter();
  const toast = useToast();
  const form = useRef<HTMLFormElement>(null);
  const [errors, setErrors] = useState<Errors>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [progress, setProgress] = useState<number | null>(null);

  const upload = async (event: React.FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    const file = data.get("file");
    const found: Errors = {};
    if (!String(data.get("title") ?? "").trim()) found.title = 'Give the document a title, e.g. "Passport".';
    const fileProblem = await checkFile(file instanceof File ? file : undefined, limitMb);
    if (fileProblem) found.file = fileProblem;
    setErrors(found);
    setFormError(null);
    if (Object.keys(found).length > 0) return;
    setProgress(0);
    const outcome = await sendUpload(`/patients/${patientId}/documents/upload`, data, setProgress);
    setProgress(null);
    if (!outcome.ok) {
      const fields = outcome.error.fields ?? {};
      setErrors(fields);
      if (Object.keys(fields).length === 0) setFormError(outcome.error.message);
      return;
    }
    toast(`Uploaded ${outcome.data.fileName}.`);
    form.current?.reset();
    router.refresh();
  };

  const pending = progress !== null;
  return (
    <form
      ref={form}
      onSubmit={upload}
      noValidate
      className="flex flex-col gap-4"
      aria-label="Upload a document"
    >
      <div className="grid gap-4 sm:grid-cols-2">
        <SelectField
          label="Category"
          name="category"
          error={errors.category}
          options={categories.map((value) => ({ value, label: categoryLabel(value) }))}
        />
        <TextField
          label="Title"
          name="title"
          placeholder='e.g. "Passport" or "Blood test, Nov"'
          error={errors.title}
        />
        {visits.length > 0 ? (
          <SelectField
            label="Visit"
            name="visitId"
            error={errors.visitId}
            options={[{ value: "", label: "No visit" }, ...visits]}
          />
        ) : null}
        <LabelledField label="File" hint={`PDF, JPEG or PNG, up to ${limitMb} MB.`} error={errors.file}>
          {(control) => (
            <input
              {...control}
              type="file"
              name="file"
              accept={UPLOAD_ACCEPT}
              className="block w-full text-sm text-slate-800 file:mr-3 file:rounded-md file:border file:border-slate-300 file:bg-white file:px-3 file:py-2 file:text-sm file:font-medium file:text-slate-900 hover:file:bg-slate-50"
            />
          )}
        </LabelledField>
      </div>
      {progress !== null ? (
        <div className="flex items-center gap-3 text-sm text-slate-700">
          <progress
            value={progress}
            max={1}
            className="h-2 w-48 accent-teal-700"
            aria-label="Upload progress"
          />
          {progress < 1 ? `Uploading… ${Math.round(progress * 100)}%` : "Checking and saving…"}
        </div>
      ) : null}
      {formError ? <Notice>{formError}</Notice> : null}
      <div>
        <SubmitButton pending={pending} pendingLabel="Uploading…">
          Upload document
        </SubmitButton>
      </div>
    </form>
  );
}
