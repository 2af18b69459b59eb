/**
 * @module cli/commands/import
 * `xiaoxin import PATH… [--kind K] [--data DIR]`: reads files and folders, stores the valid items
 * in one transaction and reports what changed. Exit 0 when every file was clean, 1 when some file
 * or row was skipped (the rest are stored all the same).
 */
import { Option, type Command } from 'commander';
import { importPaths, importSummary } from '../../ingestion/index.js';
import { ITEM_KINDS, type ItemKind } from '../../knowledge/index.js';
import type { UpsertResult } from '../../storage/index.js';
import { cliConfig, withStore } from '../context.js';
import { EXIT_FAILURE, EXIT_OK } from '../errors.js';

interface ImportFlags {
  kind?: ItemKind;
  data?: string;
}

export function registerImport(program: Command, setExit: (code: number) => void): void {
  program
    .command('import')
    .description('import knowledge files or folders (JSON, JSONL, Markdown, CSV, XLSX, TXT, DOCX, PDF, HTML; scans as PNG/JPG or image-only PDF pages, read by OCR)')
    .argument('<paths...>', 'files or folders to import (folders are read recursively)')
    .addOption(
      new Option('--kind <kind>', 'kind of item for plain documents (txt, docx, pdf, html, png, jpg, md without a kind)').choices(
        ITEM_KINDS,
      ),
    )
    .option('--data <dir>', 'PGlite data folder (default: XIAOXIN_DATA or ./data)')
    .action(async (paths: string[], flags: ImportFlags) => {
      setExit(await runImport(paths, flags));
    });
}

export async function runImport(paths: string[], flags: ImportFlags): Promise<number> {
  // Files are read in worker threads with the configured limits, as in the back office.
  const result = await importPaths(paths, { kind: flags.kind, limits: cliConfig().importLimits });
  // Read everything first: a store is only opened (and its folder locked) once there is work.
  const stored = await withStore(flags, (store) =>
    result.items.length > 0 ? store.upsertItems(result.items) : Promise.resolve(emptyUpsert()),
  );
  process.stdout.write(`${importSummary(result)}\n${storedLine(stored)}\n`);
  return result.problems.length > 0 ? EXIT_FAILURE : EXIT_OK;
}

export function storedLine({ created, updated, unchanged }: UpsertResult): string {
  return (
    `入库：新增 ${created.length}，更新 ${updated.length}，未变 ${unchanged.length}。\n` +
    `Stored: ${created.length} created, ${updated.length} updated, ${unchanged.length} unchanged.`
  );
}

const emptyUpsert = (): UpsertResult => ({ created: [], updated: [], unchanged: [] });
