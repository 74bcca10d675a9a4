/** The file types a clinic stores, each known by its first bytes (never by its name or the browser's word). */
export const UPLOAD_TYPES = [
  { contentType: "application/pdf", extension: "pdf", label: "PDF", magic: [0x25, 0x50, 0x44, 0x46, 0x2d] },
  { contentType: "image/jpeg", extension: "jpg", label: "JPEG", magic: [0xff, 0xd8, 0xff] },
  {
    contentType: "image/png",
    extension: "png",
    label: "PNG",
    magic: [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a],
  },
] as const;

export type UploadContentType = (typeof UPLOAD_TYPES)[number]["contentType"];

/** The type the bytes say ("%PDF-", FF D8 FF, the PNG signature), or null for anything else. */
export function detectFileType(bytes: Uint8Array): UploadContentType | null {
  const found = UPLOAD_TYPES.find(
    (type) => bytes.length >= type.magic.length && type.magic.every((byte, index) => bytes[index] === byte),
  );
  return found?.contentType ?? null;
}

export const WRONG_TYPE_MESSAGE =
  "Only PDF, JPEG and PNG files can be uploaded — this file is not one of them.";

/** The `accept` of a file input: a hint for the picker only; the server reads the bytes. */
export const UPLOAD_ACCEPT = ".pdf,.jpg,.jpeg,.png,application/pdf,image/jpeg,image/png";

// Decimal megabytes, as file managers show them. Next's proxy buffer holds 10 MiB of a request, so a
// 10 MB file and its form envelope fit in it whole.
export const BYTES_PER_MB = 1_000_000;
export const MAX_UPLOAD_MB = 10;

/** "14 MB", "2.5 MB", "0.3 MB": a file's size the way the refusal says it. */
export function megabytes(bytes: number): string {
  const mb = bytes / BYTES_PER_MB;
  const shown = mb >= 10 ? Math.round(mb) : Math.round(mb * 10) / 10;
  return `${shown === 0 && bytes > 0 ? 0.1 : shown} MB`;
}

export function tooLargeMessage(bytes: number, limitMb: number): string {
  const size = megabytes(bytes);
  // 10.02 MB rounds to "10 MB", which would read as within the limit.
  const said = Number.parseFloat(size) <= limitMb ? `just over ${limitMb} MB` : size;
  return `This file is ${said}; the clinic accepts up to ${limitMb} MB.`;
}

/** A stored file's size for a list: "68 KB" under a megabyte, else "2.5 MB". */
export function fileSizeLabel(bytes: number): string {
  return bytes < BYTES_PER_MB ? `${Math.max(1, Math.round(bytes / 1000))} KB` : megabytes(bytes);
}
