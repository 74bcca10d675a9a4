/** What reading a request body within a limit gave: all of it, or the point where it went over. */
export type LimitedBody = { ok: true; bytes: Uint8Array<ArrayBuffer> } | { ok: false; readBytes: number };

/**
 * Reads a body stream only as far as `maxBytes`: the moment one more byte arrives it stops and
 * cancels the stream, so an oversize upload is never held (or read) in full.
 */
export async function readBodyWithinLimit(
  stream: ReadableStream<Uint8Array> | null,
  maxBytes: number,
): Promise<LimitedBody> {
  if (!stream) return { ok: true, bytes: new Uint8Array() };
  const reader = stream.getReader();
  const chunks: Uint8Array[] = [];
  let readBytes = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    readBytes += value.byteLength;
    if (readBytes > maxBytes) {
      await reader.cancel("over the upload limit").catch(() => {});
      return { ok: false, readBytes };
    }
    chunks.push(value);
  }
  const bytes = new Uint8Array(readBytes);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return { ok: true, bytes };
}

/** The declared Content-Length, or null when absent or not a plain number. */
export function declaredLength(headers: Headers): number | null {
  const value = headers.get("content-length");
  return value && /^\d{1,15}$/.test(value) ? Number(value) : null;
}
