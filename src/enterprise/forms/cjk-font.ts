/**
 * @module enterprise/forms/cjk-font
 * A Chinese font for PDFs, read from a font package installed on the machine — never downloaded.
 * Debian's fonts-noto-cjk is the first choice (.ci/run installs it); other distributions' paths and
 * other free CJK fonts (WenQuanYi, AR PL, Droid Sans Fallback) follow. No npm package ships a whole
 * CJK font in a form pdf-lib can embed (@fontsource splits Noto Sans SC into woff2 slices by range).
 *
 * pdf-lib subsets fonts through fontkit, but its bundled fork (@pdf-lib/fontkit 1.1.1) writes
 * broken subsets of CID-keyed CFF fonts such as Noto Sans CJK (poppler: “Embedded font file may be
 * invalid”) and corrupts TrueType ones. The maintained fontkit 2 subsets both correctly; pdf-lib
 * accepts any object with `create()`, so it is handed fontkit 2, with the stream API pdf-lib calls
 * (`encodeStream`) put on top of fontkit 2's `encode()`. Fonts in a collection (.ttc) are picked by
 * PostScript name: NotoSansCJK-Regular.ttc holds JP, KR, SC, TC and HK faces, and SC has the
 * mainland glyph shapes.
 */
import { EventEmitter } from 'node:events';
import { existsSync, readFileSync } from 'node:fs';
import type * as fontkit from 'fontkit';
import type { PDFDocument } from 'pdf-lib';

/** fontkit, imported at the first PDF rather than at start: it takes ~0.15 s to load (start-up time). */
const loadFontkit = () => import('fontkit');

export interface FontCandidate { path: string; postscriptName?: string }
export interface CjkFonts { regular: FontCandidate; bold?: FontCandidate }

const NOTO = '/usr/share/fonts/opentype/noto';
export const FONT_CANDIDATES: CjkFonts[] = [
  { regular: { path: `${NOTO}/NotoSansCJK-Regular.ttc`, postscriptName: 'NotoSansCJKsc-Regular' }, bold: { path: `${NOTO}/NotoSansCJK-Bold.ttc`, postscriptName: 'NotoSansCJKsc-Bold' } },
  { regular: { path: `${NOTO}/NotoSerifCJK-Regular.ttc`, postscriptName: 'NotoSerifCJKsc-Regular' }, bold: { path: `${NOTO}/NotoSerifCJK-Bold.ttc`, postscriptName: 'NotoSerifCJKsc-Bold' } },
  // Fedora, Arch
  { regular: { path: '/usr/share/fonts/google-noto-cjk/NotoSansCJK-Regular.ttc', postscriptName: 'NotoSansCJKsc-Regular' }, bold: { path: '/usr/share/fonts/google-noto-cjk/NotoSansCJK-Bold.ttc', postscriptName: 'NotoSansCJKsc-Bold' } },
  { regular: { path: '/usr/share/fonts/noto-cjk/NotoSansCJK-Regular.ttc', postscriptName: 'NotoSansCJKsc-Regular' }, bold: { path: '/usr/share/fonts/noto-cjk/NotoSansCJK-Bold.ttc', postscriptName: 'NotoSansCJKsc-Bold' } },
  { regular: { path: `${NOTO}/NotoSansCJKsc-Regular.otf` }, bold: { path: `${NOTO}/NotoSansCJKsc-Bold.otf` } },
  { regular: { path: '/usr/share/fonts/truetype/wqy/wqy-microhei.ttc' } },
  { regular: { path: '/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc' } },
  { regular: { path: '/usr/share/fonts/truetype/arphic/uming.ttc' } },
  { regular: { path: '/usr/share/fonts/truetype/droid/DroidSansFallbackFull.ttf' } },
];

export class NoCjkFontError extends Error {
  constructor() {
    super('没有找到中文字体，无法生成 PDF。请安装 fonts-noto-cjk（Debian/Ubuntu：apt-get install fonts-noto-cjk）。');
    this.name = 'NoCjkFontError';
  }
}

/** The first installed candidate, or the font file given (a .ttf, .otf or .ttc). */
export function findCjkFonts(fontPath?: string): CjkFonts {
  if (fontPath) {
    if (!existsSync(fontPath)) throw new NoCjkFontError();
    return { regular: { path: fontPath } };
  }
  const found = FONT_CANDIDATES.find((c) => existsSync(c.regular.path));
  if (!found) throw new NoCjkFontError();
  return { regular: found.regular, ...(found.bold && existsSync(found.bold.path) ? { bold: found.bold } : {}) };
}

type StreamingSubset = fontkit.Subset & { encodeStream?: () => EventEmitter };
type FontkitFont = Omit<fontkit.Font, 'createSubset'> & { createSubset(): StreamingSubset };

// Font files are large (Noto Sans CJK: 19 MB for ten faces); each is read and parsed once per process.
const bytesCache = new Map<string, Buffer>();
const fontCache = new Map<string, FontkitFont>();

function fontBytes(path: string): Buffer {
  let bytes = bytesCache.get(path);
  if (!bytes) {
    bytes = readFileSync(path);
    bytesCache.set(path, bytes);
  }
  return bytes;
}

/** One face: by PostScript name in a collection, else the collection's first face with Chinese glyphs. */
async function openFace(candidate: FontCandidate): Promise<FontkitFont> {
  const fontkit = await loadFontkit();
  const key = `${candidate.path}#${candidate.postscriptName ?? ''}`;
  const cached = fontCache.get(key);
  if (cached) return cached;
  const bytes = fontBytes(candidate.path);
  let font = (candidate.postscriptName ? fontkit.create(bytes, candidate.postscriptName) : fontkit.create(bytes)) as unknown as FontkitFont | fontkit.FontCollection | null;
  if (!font) font = fontkit.create(bytes) as unknown as fontkit.FontCollection;
  if ('fonts' in font) {
    const faces = font.fonts as unknown as FontkitFont[];
    font = faces.find((f) => f.hasGlyphForCodePoint(0x4e2d)) ?? faces[0]!;
  }
  const face = font as FontkitFont;
  const createSubset = face.createSubset.bind(face);
  face.createSubset = () => {
    const subset = createSubset();
    subset.encodeStream = () => {
      const stream = new EventEmitter();
      queueMicrotask(() => {
        try {
          stream.emit('data', subset.encode());
          stream.emit('end');
        } catch (error) {
          stream.emit('error', error);
        }
      });
      return stream;
    };
    return subset;
  };
  fontCache.set(key, face);
  return face;
}

/** Embeds the regular (and bold, when installed) CJK face as subsets: only the glyphs used travel. */
export async function embedCjkFonts(doc: PDFDocument, fonts: CjkFonts) {
  // pdf-lib asks the registered fontkit to parse the bytes it is given; the face is already
  // parsed (and cached), so `create` hands over the one being embedded. Embedding is sequential.
  let face: FontkitFont | undefined;
  doc.registerFontkit({ create: () => face! } as unknown as Parameters<PDFDocument['registerFontkit']>[0]);
  const embed = async (candidate: FontCandidate) => {
    face = await openFace(candidate);
    return doc.embedFont(fontBytes(candidate.path), { subset: true });
  };
  const regular = await embed(fonts.regular);
  const bold = fonts.bold ? await embed(fonts.bold) : regular;
  return { regular, bold };
}
