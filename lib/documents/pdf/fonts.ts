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

type Fontkit = Parameters<PDFDocument["registerFontkit"]>[0];

/**
 * fontkit parses a 500 KB font on every embed; the parsed font is only read from (each document
 * makes its own subset), so one parse per font file serves every document of the process.
 */
const parsedFonts = new WeakMap<Uint8Array, ReturnType<Fontkit["create"]>>();
const cachingFontkit: Fontkit = {
  create: (bytes, postscriptName) => {
    let font = parsedFonts.get(bytes);
    if (!font) {
      font = fontkit.create(bytes, postscriptName);
      parsedFonts.set(bytes, font);
    }
    return font;
  },
};

/**
 * The two weights embedded in a document, subset to the glyphs it uses: accented names
 * ("Zoë Ångström-Núñez") print, and a one-page prescription stays a few tens of kilobytes.
 */
export async function embedPaperFonts(doc: PDFDocument): Promise<PaperFonts> {
  const files = await readFontFiles();
  doc.registerFontkit(cachingFontkit);
  const [regular, bold] = await Promise.all([
    doc.embedFont(files.regular, { subset: true }),
    doc.embedFont(files.bold, { subset: true }),
  ]);
  return { regular, bold };
}
