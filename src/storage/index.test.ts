/**
 * @module storage/index.test
 * Choosing where data lives (flag, environment, default) and opening a ready-to-use store.
 */
import { describe, expect, it } from 'vitest';
import { describeStoreOptions, openStore, resolveStoreOptions } from './index.js';
import { faq } from './test-support.js';

describe('resolveStoreOptions', () => {
  it('uses ./data when nothing is configured', () => {
    expect(resolveStoreOptions({}, {})).toEqual({ dataDir: './data' });
  });

  it('prefers the --data flag over XIAOXIN_DATA over ./data', () => {
    expect(resolveStoreOptions({ XIAOXIN_DATA: '/srv/xiaoxin' }, {})).toEqual({ dataDir: '/srv/xiaoxin' });
    expect(resolveStoreOptions({ XIAOXIN_DATA: '/srv/xiaoxin' }, { data: './mine' })).toEqual({ dataDir: './mine' });
  });

  it('selects PostgreSQL when DATABASE_URL is set', () => {
    const databaseUrl = 'postgres://xiaoxin@db:5432/xiaoxin';
    expect(resolveStoreOptions({ DATABASE_URL: databaseUrl, XIAOXIN_DATA: '/srv' }, { data: './x' })).toEqual({
      databaseUrl,
    });
  });

  it('treats empty values as unset', () => {
    expect(resolveStoreOptions({ DATABASE_URL: '', XIAOXIN_DATA: ' ' }, { data: '' })).toEqual({ dataDir: './data' });
  });
});

describe('describeStoreOptions', () => {
  it('says where data lives without showing a password', () => {
    expect(describeStoreOptions({ databaseUrl: 'postgres://u:pw@db.internal:5432/xiaoxin?sslmode=require' })).toBe(
      'PostgreSQL at postgres://u:***@db.internal:5432/xiaoxin',
    );
    expect(describeStoreOptions({ dataDir: './data' })).toBe('PGlite in the folder "./data"');
    expect(describeStoreOptions({})).toBe('PGlite in the folder "./data"');
    expect(describeStoreOptions({ dataDir: 'memory://' })).toBe('PGlite in memory (nothing is kept)');
  });
});

describe('openStore', () => {
  it('opens a migrated, working store', async () => {
    const store = await openStore({ dataDir: 'memory://' });
    try {
      expect(await store.countItems()).toBe(0);
      expect(await store.revision()).toBe(0);
      expect((await store.upsertItems([faq('a')])).created).toEqual(['a']);
      expect(await store.getItem('a')).toMatchObject({ id: 'a', kind: 'faq' });
    } finally {
      await store.close();
    }
  });
});
