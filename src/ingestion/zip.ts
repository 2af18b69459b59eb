/**
 * @module ingestion/zip
 * DOCX and XLSX files are zip archives that mammoth and exceljs inflate whole, in memory. Their
 * central directory says what each entry inflates to, so a zip bomb is refused before anything
 * is inflated. (An archive that lies in its directory still meets the worker's memory limit.)
 */
import type yauzl from 'yauzl';
import { limitsWith, OverLimit } from './limits.js';
import type { ImportOptions } from './types.js';

const MB = 1024 * 1024;

/** yauzl, imported on first use rather than at start (start-up time). */
const loadYauzl = () => import('yauzl').then((m) => m.default);

/** Throws OverLimit when the entries of the zip at `file` add up to more than the limit. */
export async function checkUnzippedSize(file: string, options: ImportOptions): Promise<void> {
  const { maxUnzippedMb } = limitsWith(options.limits);
  const total = await unzippedSize(file);
  if (total > maxUnzippedMb * MB) {
    throw new OverLimit('maxUnzippedMb', `inflates to more than ${maxUnzippedMb} MB (${Math.ceil(total / MB)} MB)`);
  }
}

/** The sum of the uncompressed sizes in the central directory; a file that is no zip rejects. */
async function unzippedSize(file: string): Promise<number> {
  const yauzl = await loadYauzl();
  return new Promise((resolve, reject) => {
    yauzl.open(file, { lazyEntries: true, autoClose: true }, (error, zip) => {
      if (error || !zip) return reject(error ?? new Error('not a zip archive'));
      let total = 0;
      zip.on('entry', (entry: yauzl.Entry) => {
        total += entry.uncompressedSize;
        zip.readEntry();
      });
      zip.on('end', () => resolve(total));
      zip.on('error', reject);
      zip.readEntry();
    });
  });
}
