import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { PDFDocument } from "pdf-lib";
import { projectRoot } from "../db/project-root";

function withPdfFile<T>(bytes: Uint8Array, work: (file: string) => T): T {
  const dir = mkdtempSync(path.join(tmpdir(), "pdf-"));
  try {
    const file = path.join(dir, "document.pdf");
    writeFileSync(file, bytes);
    return work(file);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The text a reader (and a screen reader) gets out of a PDF: poppler's `pdftotext -layout`. */
export function pdfText(bytes: Uint8Array): string {
  return withPdfFile(bytes, (file) =>
    execFileSync("pdftotext", ["-layout", file, "-"], { encoding: "utf8" }),
  );
}

/** Each page's size in points ([width, height]), as its MediaBox says. */
export async function pdfPageSizes(bytes: Uint8Array): Promise<[number, number][]> {
  const doc = await PDFDocument.load(bytes);
  return doc.getPages().map((page) => {
    const { width, height } = page.getMediaBox();
    return [Math.round(width * 100) / 100, Math.round(height * 100) / 100];
  });
}

/** Renders every page to test-results/pdf-png/<name>-<page>.png (80 dpi) for a person to look at. */
export function renderPdfPng(bytes: Uint8Array, name: string): string {
  const dir = path.join(projectRoot, "test-results", "pdf-png");
  mkdirSync(dir, { recursive: true });
  withPdfFile(bytes, (file) => execFileSync("pdftoppm", ["-png", "-r", "80", file, path.join(dir, name)]));
  return dir;
}
