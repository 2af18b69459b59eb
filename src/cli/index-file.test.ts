import path from 'node:path';
import { tmpdir } from 'node:os';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../config/env.js';
import { indexFileFor } from './context.js';

const config = (env: Record<string, string>) => loadConfig(env);

describe('where the search index is saved', () => {
  it('is beside the PGlite folder, the flag before the environment, nowhere for memory or "off"', () => {
    expect(indexFileFor({}, config({}))).toBe(path.resolve('data-index', 'search-index.v8'));
    expect(indexFileFor({ data: '/var/lib/xiaoxin/db' }, config({ XIAOXIN_DATA: '/elsewhere' }))).toBe('/var/lib/xiaoxin/db-index/search-index.v8');
    expect(indexFileFor({}, config({ XIAOXIN_DATA: 'memory://' }))).toBeUndefined();
    expect(indexFileFor({}, config({ XIAOXIN_INDEX_DIR: 'off' }))).toBeUndefined();
    expect(indexFileFor({}, config({ XIAOXIN_INDEX_DIR: '/cache/xiaoxin' }))).toBe('/cache/xiaoxin/search-index.v8');
  });

  it("with PostgreSQL, is one file per database in this user's temporary folder, named without the password", () => {
    const file = indexFileFor({}, config({ DATABASE_URL: 'postgres://zone:secret1@db.example:5432/xiaoxin' }))!;
    expect(path.dirname(file)).toBe(path.join(tmpdir(), `xiaoxin-index-${process.getuid?.() ?? 'user'}`));
    expect(file).not.toContain('secret1');
    expect(indexFileFor({}, config({ DATABASE_URL: 'postgres://zone:rotated@db.example:5432/xiaoxin' }))).toBe(file);
    expect(indexFileFor({}, config({ DATABASE_URL: 'postgres://zone:secret1@db.example:5432/other' }))).not.toBe(file);
    expect(path.dirname(indexFileFor({}, config({ DATABASE_URL: 'postgres://a@b/c', XIAOXIN_INDEX_DIR: '/cache/x' }))!)).toBe('/cache/x');
  });
});
