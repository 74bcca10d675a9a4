import { readFile } from "node:fs/promises";
import path from "node:path";
import fontkit from "@pdf-lib/fontkit";
import type { PDFDocument, PDFFont } from "pdf-lib";
import { projectRoot } from "@/lib/db/project-root";

export type PaperFonts = { regular: PDFFont; bold: PDFFont };

type FontFiles = { regular: Uint8Array; bold: Uint8Array };

const FONT_DIR = path.join(projectRoot, "lib", "documents", "fonts");
let fontFiles: Promise<FontFiles> | undefined;

/** Noto Sans (OFL, shipped in lib/documents/fonts), read from disk once per process. */
function readFontFiles(): Promise<FontFiles> {
  fontFiles ??= Promise.all([
    readFile(path.join(FONT_DIR, "NotoSans-Regular.ttf")),
    readFile(path.join(FONT_DIR, "NotoSans-Bold.ttf")),
  ]).then(([regular, bold]) => ({ regular, bold }));
  // A failed read is tried again next time rather than remembered.
  fontFiles.catch(() => {
    fontFiles = undefined;
  });
  return fontFiles;
}

/**
 * The two weights embedded in a document, subset to the glyphs it uses: accented names
 * ("Zoë Ångström-Núñez") print, and a one-page prescription stays a few tens of kilobytes.
 */
export async function embedPaperFonts(doc: PDFDocument): Promise<PaperFonts> {
  const files = await readFontFiles();
  doc.registerFontkit(fontkit);
  const [regular, bold] = await Promise.all([
    doc.embedFont(files.regular, { subset: true }),
    doc.embedFont(files.bold, { subset: true }),
  ]);
  return { regular, bold };
}
