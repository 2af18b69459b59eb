/**
 * @module ingestion/ocr/image-header
 * A PNG's or JPEG's format and size read from its own structure, before any decoder sees it:
 * a decompression bomb (a tiny file that says 100,000 × 100,000 pixels) is refused by its header,
 * and a truncated file (a PNG without its IEND, a JPEG without its end marker) by its structure,
 * each with a problem a person can act on, instead of a decoder crashing or allocating gigabytes.
 */

export type ImageFormat = 'png' | 'jpeg';

export interface ImageHeader {
  format: ImageFormat;
  width: number;
  height: number;
}

/** A file that is not a whole, well-formed PNG or JPEG; the message is Chinese, for the person importing it. */
export class BadImage extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'BadImage';
  }
}

const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

export function readImageHeader(data: Uint8Array): ImageHeader {
  if (PNG_SIGNATURE.every((b, i) => data[i] === b)) return pngHeader(data);
  if (data[0] === 0xff && data[1] === 0xd8 && data[2] === 0xff) return jpegHeader(data);
  throw new BadImage('不是 PNG 或 JPEG 图片（文件头不对）');
}

const view = (data: Uint8Array) => new DataView(data.buffer, data.byteOffset, data.byteLength);

/** Chunks walked from IHDR to IEND: every chunk must fit in the file. */
function pngHeader(data: Uint8Array): ImageHeader {
  const dv = view(data);
  if (data.length < 33 || String.fromCharCode(...data.subarray(12, 16)) !== 'IHDR') throw new BadImage('PNG 图片不完整（缺少 IHDR 文件头）');
  const width = dv.getUint32(16);
  const height = dv.getUint32(20);
  let at = 8;
  let sawData = false;
  while (at + 8 <= data.length) {
    const length = dv.getUint32(at);
    const type = String.fromCharCode(...data.subarray(at + 4, at + 8));
    const end = at + 12 + length;
    if (end > data.length) break;
    if (type === 'IDAT') sawData = true;
    if (type === 'IEND') {
      if (!sawData) throw new BadImage('PNG 图片没有图像数据');
      return { format: 'png', width, height };
    }
    at = end;
  }
  throw new BadImage('PNG 图片不完整（文件被截断）');
}

/** Markers walked to the frame header (SOF), whose size is the image's; the file must end with EOI. */
function jpegHeader(data: Uint8Array): ImageHeader {
  const dv = view(data);
  let at = 2;
  let size: { width: number; height: number } | undefined;
  while (at + 4 <= data.length) {
    if (data[at] !== 0xff) throw new BadImage('JPEG 图片已损坏（标记错位）');
    const marker = data[at + 1]!;
    // Fill bytes and markers without a length.
    if (marker === 0xff) {
      at += 1;
      continue;
    }
    if (marker === 0x01 || (marker >= 0xd0 && marker <= 0xd7)) {
      at += 2;
      continue;
    }
    const length = dv.getUint16(at + 2);
    const isFrame = marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc;
    if (isFrame && at + 9 <= data.length) size = { height: dv.getUint16(at + 5), width: dv.getUint16(at + 7) };
    // Start of scan: entropy-coded data follows up to the end marker.
    if (marker === 0xda) break;
    at += 2 + length;
  }
  if (!size) throw new BadImage('JPEG 图片不完整（缺少图像尺寸）');
  // The end-of-image marker, allowing for padding some cameras and scanners append.
  const tail = data.subarray(Math.max(0, data.length - 1024));
  let ended = false;
  for (let i = tail.length - 2; i >= 0 && !ended; i--) ended = tail[i] === 0xff && tail[i + 1] === 0xd9;
  if (!ended) throw new BadImage('JPEG 图片不完整（文件被截断）');
  return { format: 'jpeg', ...size };
}
