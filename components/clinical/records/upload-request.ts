import type { ActionError } from "@/lib/action-pipeline/result";

export type UploadOutcome =
  | { ok: true; data: { id: string; fileName: string } }
  | { ok: false; error: ActionError };

const LOST = "The upload did not reach the clinic. Check the connection and try again.";

/** Posts the form with XMLHttpRequest, which (unlike fetch) reports upload progress. */
export function sendUpload(
  url: string,
  body: FormData,
  onProgress: (fraction: number) => void,
): Promise<UploadOutcome> {
  return new Promise((resolve) => {
    const request = new XMLHttpRequest();
    request.open("POST", url);
    request.responseType = "json";
    request.upload.onprogress = (event) => {
      if (event.lengthComputable) onProgress(event.loaded / event.total);
    };
    request.onload = () => {
      const answer = request.response as { error?: ActionError; id?: string; fileName?: string } | null;
      if (request.status === 201 && answer?.id)
        resolve({ ok: true, data: { id: answer.id, fileName: answer.fileName ?? "" } });
      else
        resolve({
          ok: false,
          error: answer?.error ?? {
            code: "UNAVAILABLE",
            message: "The upload was refused. Please try again.",
          },
        });
    };
    request.onerror = () => resolve({ ok: false, error: { code: "UNAVAILABLE", message: LOST } });
    request.send(body);
  });
}
