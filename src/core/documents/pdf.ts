import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Style, TDocumentDefinitions, TFontDictionary } from 'pdfmake/interfaces';

/**
 * The one place that sets up pdfmake (0.3, Node API) for Kansli's documents.
 *
 * Fonts: DejaVu Sans and DejaVu Sans Mono from resources/fonts (license beside them). Every
 * document embeds subsets of them, so å ä ö æ ø é ü € print the same on every computer.
 *
 * Font reuse. pdfmake builds a new PDFKit document per createPdf(); PDFKit turns every font it
 * meets into `fontkit.create(bytes)`, and fontkit decodes its tables (cmap, GSUB/GPOS, hmtx…)
 * lazily *on that object*. So a fresh fontkit object per document means parsing the font again in
 * every document: that, not writing the PDF, is most of the time of a small document. Nothing in
 * pdfmake or PDFKit accepts an already parsed font, so the font is shared at the one seam fontkit
 * offers: `fontkit.registerFormat`. We register a tiny "format" whose magic bytes are a handle
 * (`KANSLI-FONT:<nonce>:<n>`) and whose constructor returns the fontkit font parsed once for this
 * process. pdfmake's virtual file system holds these handles instead of the TTF bytes; pdfmake
 * hands them to PDFKit, PDFKit to fontkit.create, which finds no built-in format matching and
 * constructs ours. Each document still gets its own PDFKit EmbeddedFont and subset, and its own
 * view of the font with its own glyph and layout caches (see documentView); only the decoded
 * tables are shared. No library file or prototype is patched (fontkit's `registerFormat` is
 * exported but undocumented; a pdfmake/PDFKit/fontkit upgrade must pass pdf.test.ts). fontkit is required from PDFKit's own location so it is the very module
 * instance PDFKit calls (a bundled second copy would make documents fail loudly, not silently
 * re-parse). The tests check that output is byte-identical to a fresh parse.
 */

// Not named `require`: electron-vite's ESM build puts its own module-level `const require` shim
// into any chunk that calls require(), and a second declaration is a SyntaxError at load.
const requireHere = createRequire(import.meta.url);

/** Font family names to use in document definitions. */
export const FONT = 'KansliSans';
export const MONO_FONT = 'KansliMono';

/** Points from millimetres (PDF user space is 1/72 inch). */
export function mm(n: number): number {
  return (n * 72) / 25.4;
}

/** A4 portrait with 20 mm margins (left 25 mm, the usual binding/hole-punch margin). */
export const PAGE_MARGINS: [number, number, number, number] = [mm(25), mm(20), mm(20), mm(20)];

export const BASE_FONT_SIZE = 10.5;

export const DEFAULT_STYLE: Style = { font: FONT, fontSize: BASE_FONT_SIZE, lineHeight: 1.25, color: '#000000' };

export const CREATOR = 'Kansli';

/** BCP 47 tags for the document's /Lang (screen readers, hyphenation in viewers). */
export const PDF_LANGUAGE = { sv: 'sv-SE', nb: 'nb-NO', en: 'en' } as const;

const FONT_FILES = {
  [FONT]: {
    normal: 'DejaVuSans.ttf',
    bold: 'DejaVuSans-Bold.ttf',
    italics: 'DejaVuSans-Oblique.ttf',
    bolditalics: 'DejaVuSans-BoldOblique.ttf',
  },
  // No oblique monospace is shipped: italic monospace prints upright rather than failing.
  [MONO_FONT]: {
    normal: 'DejaVuSansMono.ttf',
    bold: 'DejaVuSansMono-Bold.ttf',
    italics: 'DejaVuSansMono.ttf',
    bolditalics: 'DejaVuSansMono-Bold.ttf',
  },
} as const;

// ---- the bits of pdfmake / fontkit we use (pdfmake's Node build is CommonJS: required, not imported)

interface PdfMakeNode {
  virtualfs: { writeFileSync(name: string, content: Buffer): void };
  addFonts(fonts: TFontDictionary): void;
  setUrlAccessPolicy(callback: (url: string) => boolean): void;
  setLocalAccessPolicy(callback: (path: string) => boolean): void;
  createPdf(doc: TDocumentDefinitions): { getBuffer(): Promise<Buffer> };
  setProgressCallback(callback: ((fraction: number) => void) | undefined): void;
}

export interface RenderOptions {
  /**
   * Called while pdfmake draws the laid-out pages, with the fraction (0–1) drawn so far. Layout
   * (measuring, page breaking) comes before and reports nothing.
   */
  onProgress?: (fraction: number) => void;
}

interface DecodeStream {
  buffer: Uint8Array;
}

interface Fontkit {
  create(bytes: Uint8Array): object;
  registerFormat(format: unknown): void;
}

interface FontSlot {
  file: string;
  vfsName: string;
  handle: Buffer;
  parsed?: object;
}

interface Setup {
  pdfmake: PdfMakeNode;
  fontkit: Fontkit;
  slots: FontSlot[];
  reuse: boolean;
}

const stats = { parses: 0, reuses: 0 };
let setup: Setup | undefined;
let fontsDirOverride: string | undefined;

/** Where resources/fonts is: beside the repository / app root, found by walking up from here. */
function findFontsDir(): string {
  const probe = FONT_FILES[FONT].normal;
  const candidates: string[] = [];
  if (fontsDirOverride) candidates.push(fontsDirOverride);
  let dir = dirname(fileURLToPath(import.meta.url));
  for (let i = 0; i < 8; i++) {
    candidates.push(join(dir, 'resources', 'fonts'));
    const up = dirname(dir);
    if (up === dir) break;
    dir = up;
  }
  const resourcesPath = (process as { resourcesPath?: string }).resourcesPath;
  if (resourcesPath) candidates.push(join(resourcesPath, 'fonts'), join(resourcesPath, 'resources', 'fonts'));
  const found = candidates.find((c) => existsSync(join(c, probe)));
  if (!found) throw new Error(`Kansli's PDF fonts (${probe}) were not found; looked in: ${candidates.join(', ')}`);
  return found;
}

/**
 * What one document gets: a view of the shared fontkit font with its own glyph cache (so its own
 * layout engine too, fontkit caches that per object). The parsed tables stay shared: fontkit keeps
 * them in `_tables` and its table getters are bound to the shared font. Without the own glyph
 * cache, glyph objects would carry over between documents: a glyph first met as a component of
 * a composite (the "o" inside "ö", when subsetting) is cached without its code point, and the
 * next document that prints a plain "o" would lose it from its ToUnicode map (text copy/search).
 */
function documentView(font: object): object {
  return Object.create(font, { _glyphs: { value: {}, writable: true, configurable: true } }) as object;
}

/**
 * Where this thread finds the fonts. A worker thread passes the main thread's answer to
 * setPdfFontsDir: in a packaged app the fonts are found through Electron's
 * process.resourcesPath, which worker threads need not have.
 */
export function pdfFontsDir(): string {
  return findFontsDir();
}

/** For a packaged app whose fonts are not found by walking up (call before the first render). */
export function setPdfFontsDir(dir: string): void {
  if (setup) throw new Error('setPdfFontsDir must be called before the first PDF is rendered');
  fontsDirOverride = dir;
}

function getSetup(): Setup {
  if (setup) return setup;

  const pdfmake = requireHere('pdfmake') as PdfMakeNode;
  // The fontkit PDFKit itself requires (same resolution => same module instance).
  const pdfkitRequire = createRequire(createRequire(requireHere.resolve('pdfmake')).resolve('pdfkit'));
  const fontkit = pdfkitRequire('fontkit') as Fontkit;

  // Documents never fetch anything: no URLs, no paths from the disk (fonts come from the VFS;
  // images must be data: URLs).
  pdfmake.setUrlAccessPolicy(() => false);
  pdfmake.setLocalAccessPolicy(() => false);

  const dir = findFontsDir();
  const nonce = randomBytes(6).toString('hex');
  const magic = `KANSLI-FONT:${nonce}:`;
  const magicBytes = Buffer.from(magic, 'latin1');

  const slots: FontSlot[] = [];
  const slotByFile = new Map<string, number>();
  const dictionary: TFontDictionary = {};
  for (const [family, styles] of Object.entries(FONT_FILES)) {
    const entry: Record<string, string> = {};
    for (const [style, file] of Object.entries(styles)) {
      let index = slotByFile.get(file);
      if (index === undefined) {
        index = slots.length;
        slotByFile.set(file, index);
        slots.push({
          file: join(dir, file),
          vfsName: `kansli-fonts/${file}`,
          handle: Buffer.from(`${magic}${index}`, 'latin1'),
        });
      }
      entry[style] = slots[index].vfsName;
    }
    dictionary[family] = entry;
  }

  const shared = (index: number): object => {
    const slot = slots[index];
    if (!slot) throw new Error(`Unknown Kansli font handle ${index}`);
    if (!slot.parsed) {
      slot.parsed = fontkit.create(readFileSync(slot.file));
      stats.parses++;
    }
    stats.reuses++;
    return documentView(slot.parsed);
  };

  // A fontkit "format" that recognises only our handles and yields the font parsed once.
  class SharedFontHandle {
    static probe(bytes: Uint8Array): boolean {
      return (
        bytes.length > magicBytes.length &&
        bytes.length < 64 &&
        magicBytes.equals(Buffer.from(bytes.buffer, bytes.byteOffset, magicBytes.length))
      );
    }
    constructor(stream: DecodeStream) {
      const bytes = stream.buffer;
      const text = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length).toString('latin1');
      // Returning an object from a constructor makes `new` yield that object.
      return shared(Number(text.slice(magic.length)));
    }
  }
  fontkit.registerFormat(SharedFontHandle);

  for (const slot of slots) pdfmake.virtualfs.writeFileSync(slot.vfsName, slot.handle);
  pdfmake.addFonts(dictionary);

  setup = { pdfmake, fontkit, slots, reuse: true };
  return setup;
}

/**
 * Renders one document to PDF bytes. Applies Kansli's defaults where the definition has none:
 * A4 portrait, PAGE_MARGINS, DEFAULT_STYLE (DejaVu Sans 10.5 pt), the title shown in the
 * viewer's title bar, creator "Kansli". Set `info.title`, `info.author` (the association) and
 * `language` (PDF_LANGUAGE) per document. `info.creationDate` defaults to now; it is the only
 * time-dependent part of the output (same definition + same date => identical bytes).
 *
 * pdfmake annotates the definition's content while laying it out: build a fresh definition per
 * call rather than rendering the same object twice.
 */
export async function renderPdf(doc: TDocumentDefinitions, options: RenderOptions = {}): Promise<Buffer> {
  const { pdfmake } = getSetup();
  const definition: TDocumentDefinitions = {
    pageSize: 'A4',
    pageOrientation: 'portrait',
    pageMargins: PAGE_MARGINS,
    displayTitle: true,
    version: '1.7',
    ...doc,
    defaultStyle: { ...DEFAULT_STYLE, ...doc.defaultStyle },
    info: { ...doc.info, creator: CREATOR, producer: `${CREATOR} (pdfmake)` },
  };
  try {
    // pdfmake reads its (instance-wide) progress callback synchronously inside createPdf, so
    // setting and clearing it around that call keeps concurrent renders apart.
    pdfmake.setProgressCallback(options.onProgress);
    let output: { getBuffer(): Promise<Buffer> };
    try {
      output = pdfmake.createPdf(definition);
    } finally {
      pdfmake.setProgressCallback(undefined);
    }
    return await output.getBuffer();
  } catch (error) {
    if (error instanceof Error && /Unknown font format/.test(error.message)) {
      throw new Error(
        'PDF fonts: PDFKit did not use the fontkit instance Kansli registered its shared fonts with ' +
          '(is a second copy of fontkit bundled?)',
        { cause: error },
      );
    }
    throw error;
  }
}

let measuring: Map<string, { unitsPerEm: number; layout(text: string): { advanceWidth: number } }> | undefined;

/**
 * The width in points of one line of `text` in Kansli's sans font (FONT), for fitting text into a
 * fixed box (the envelope window). Uses the font parsed once for this process, through a view of
 * its own so no document's glyph cache is touched.
 */
export function textWidth(text: string, fontSize: number, bold = false): number {
  const s = getSetup();
  const file = FONT_FILES[FONT][bold ? 'bold' : 'normal'];
  measuring ??= new Map();
  let font = measuring.get(file);
  if (!font) {
    const slot = s.slots.find((x) => x.vfsName === `kansli-fonts/${file}`);
    if (!slot) throw new Error(`No font slot for ${file}`);
    if (!slot.parsed) {
      slot.parsed = s.fontkit.create(readFileSync(slot.file));
      stats.parses++;
    }
    font = documentView(slot.parsed) as NonNullable<typeof font>;
    measuring.set(file, font);
  }
  return (font.layout(text).advanceWidth / font.unitsPerEm) * fontSize;
}

/** How often a font file was parsed, and how often a document got an already parsed font. */
export function pdfFontStats(): { parses: number; reuses: number; fontFiles: number } {
  return { ...stats, fontFiles: setup?.slots.length ?? 0 };
}

/**
 * For the benchmark and the tests only: `false` puts the real TTF bytes in pdfmake's virtual file
 * system, so every document parses its fonts afresh (plain pdfmake behaviour); `true` restores
 * the shared fonts.
 */
export function setPdfFontReuse(enabled: boolean): void {
  const s = getSetup();
  if (s.reuse === enabled) return;
  for (const slot of s.slots) {
    s.pdfmake.virtualfs.writeFileSync(slot.vfsName, enabled ? slot.handle : readFileSync(slot.file));
  }
  s.reuse = enabled;
}
