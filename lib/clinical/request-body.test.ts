import { describe, expect, it } from "vitest";
import { declaredLength, readBodyWithinLimit } from "./request-body";

const CHUNK = 64 * 1024;

/** A stream of `total` bytes made on demand, counting how much of it was ever produced. */
function countedStream(total: number) {
  const state = { produced: 0, cancelled: false };
  const stream = new ReadableStream<Uint8Array>(
    {
      pull(controller) {
        const size = Math.min(CHUNK, total - state.produced);
        if (size <= 0) return controller.close();
        state.produced += size;
        controller.enqueue(new Uint8Array(size).fill(0x41));
      },
      cancel() {
        state.cancelled = true;
      },
    },
    { highWaterMark: 0 },
  );
  return { stream, state };
}

describe("readBodyWithinLimit", () => {
  it("cuts an 11 MB stream off at a 10 MB limit without reading the rest", async () => {
    const { stream, state } = countedStream(11_000_000);
    const result = await readBodyWithinLimit(stream, 10_000_000);

    expect(result.ok).toBe(false);
    expect(state.cancelled).toBe(true);
    // Stopped on the first chunk past the limit: the last megabyte was never produced.
    expect(state.produced).toBeGreaterThan(10_000_000);
    expect(state.produced).toBeLessThanOrEqual(10_000_000 + CHUNK);
  });

  it("reads a body within the limit whole, byte for byte", async () => {
    const { stream, state } = countedStream(300_000);
    const result = await readBodyWithinLimit(stream, 300_000);

    expect(result.ok && result.bytes.byteLength).toBe(300_000);
    expect(state.cancelled).toBe(false);
  });

  it("reads no body as empty", async () => {
    expect(await readBodyWithinLimit(null, 10)).toEqual({ ok: true, bytes: new Uint8Array() });
  });
});

describe("declaredLength", () => {
  it("takes a plain number only", () => {
    expect(declaredLength(new Headers({ "content-length": "14000000" }))).toBe(14_000_000);
    expect(declaredLength(new Headers({ "content-length": "-1" }))).toBeNull();
    expect(declaredLength(new Headers({ "content-length": "1e9" }))).toBeNull();
    expect(declaredLength(new Headers())).toBeNull();
  });
});
