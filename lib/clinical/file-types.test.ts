import { describe, expect, it } from "vitest";
import { detectFileType, fileSizeLabel, megabytes, tooLargeMessage } from "./file-types";

const bytes = (...values: number[]) => Uint8Array.from(values);
const text = (value: string) => new TextEncoder().encode(value);

describe("detectFileType", () => {
  it("knows a PDF, a JPEG and a PNG by their first bytes", () => {
    expect(detectFileType(text("%PDF-1.7\n%âãÏÓ"))).toBe("application/pdf");
    expect(detectFileType(bytes(0xff, 0xd8, 0xff, 0xe0, 0, 0x10, 0x4a, 0x46))).toBe("image/jpeg");
    expect(detectFileType(bytes(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13))).toBe(
      "image/png",
    );
  });

  it("refuses text named like a PDF, other formats, near misses and files too short to tell", () => {
    expect(detectFileType(text("This is not really a PDF"))).toBeNull();
    expect(detectFileType(text("%PDF"))).toBeNull();
    expect(detectFileType(text(" %PDF-1.4"))).toBeNull();
    expect(detectFileType(bytes(0x47, 0x49, 0x46, 0x38, 0x39, 0x61))).toBeNull(); // GIF89a
    expect(detectFileType(bytes(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a))).toBeNull(); // PNG cut short
    expect(detectFileType(bytes(0xff, 0xd8))).toBeNull();
    expect(detectFileType(bytes(0x50, 0x4b, 0x03, 0x04))).toBeNull(); // a ZIP (or .docx)
    expect(detectFileType(new Uint8Array())).toBeNull();
  });
});

describe("the size refusal", () => {
  it("says the file's size and the clinic's limit in megabytes", () => {
    expect(tooLargeMessage(14_000_000, 10)).toBe("This file is 14 MB; the clinic accepts up to 10 MB.");
    expect(tooLargeMessage(2_450_000, 2)).toBe("This file is 2.5 MB; the clinic accepts up to 2 MB.");
    expect(tooLargeMessage(10_020_000, 10)).toBe(
      "This file is just over 10 MB; the clinic accepts up to 10 MB.",
    );
    expect(megabytes(1_000)).toBe("0.1 MB");
    expect([fileSizeLabel(70), fileSizeLabel(68_400), fileSizeLabel(2_450_000)]).toEqual([
      "1 KB",
      "68 KB",
      "2.5 MB",
    ]);
  });
});
