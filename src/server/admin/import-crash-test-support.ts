/**
 * @module server/admin/import-crash-test-support
 * A child process for import-crash.test.ts: commits a large previewed import as drafts into the
 * store named on the command line, printing `saved N` after each draft. With `--hang-after N` it
 * stops after the Nth draft, inside the open transaction, until the test kills it (kill -9).
 * Run as: node --import tsx import-crash-test-support.ts '<StoreOptions JSON>' <items> [--hang-after N]
 */
import { pathToFileURL } from 'node:url';
import { openStore, type Store, type StoreOptions } from '../../storage/index.js';
import { faq } from '../../storage/test-support.js';
import { commitPreview } from './import-commit.js';

/** `store` with its `versions.saveDraft` reporting each draft, and hanging after `hangAfter` of them. */
function reporting(store: Store, hangAfter: number | undefined): Store {
  let saved = 0;
  const versions = new Proxy(store.versions, {
    get(target, key) {
      const value = Reflect.get(target, key, target);
      if (key !== 'saveDraft') return typeof value === 'function' ? value.bind(target) : value;
      return async (...args: Parameters<Store['versions']['saveDraft']>) => {
        const draft = await target.saveDraft(...args);
        saved += 1;
        process.stdout.write(`saved ${saved}\n`);
        if (saved === hangAfter) await new Promise(() => undefined);
        return draft;
      };
    },
  });
  return new Proxy(store, {
    get(target, key) {
      if (key === 'versions') return versions;
      const value = Reflect.get(target, key, target);
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
}

async function main(argv: string[]): Promise<void> {
  const [optionsJson, count, flag, after] = argv;
  const options = JSON.parse(optionsJson!) as StoreOptions;
  const hangAfter = flag === '--hang-after' ? Number(after) : undefined;
  const items = Array.from({ length: Number(count) }, (_, i) => faq(`crash-${i + 1}`));
  const preview = { id: 'crash', owner: 'li.editor', expiresAt: new Date(), files: ['big.jsonl'], items, problems: [] };
  const store = await openStore(options);
  try {
    await store.transaction((tx) => commitPreview(reporting(tx, hangAfter), preview, 'li.editor', false));
    process.stdout.write('committed\n');
  } finally {
    await store.close();
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  main(process.argv.slice(2)).catch((error: unknown) => {
    process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exit(1);
  });
}
