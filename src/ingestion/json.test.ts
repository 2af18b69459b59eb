/** @module ingestion/json.test — JSON and JSONL files, the eval corpus format included. */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { useTempDir } from '../test/temp-dir.js';
import { formatProblem, importPaths } from './index.js';

const tmp = useTempDir('xiaoxin-json-');
const write = tmp.write;

const faq = (id: string, extra: Record<string, unknown> = {}) => ({ kind: 'faq', id, title: `问题${id}`, answer: `答案${id}`, ...extra });

describe('JSONL', () => {
  it('reports a malformed line by number and imports the other lines', async () => {
    const file = await write(
      'items.jsonl',
      [JSON.stringify(faq('a')), '{"kind": "faq", "id": "b", ', '', JSON.stringify(faq('c'))].join('\n'),
    );
    const result = await importPaths([file]);
    expect(result.items.map((i) => i.id)).toEqual(['a', 'c']);
    expect(result.problems).toHaveLength(1);
    expect(result.problems[0]).toMatchObject({ file, line: 2 });
    expect(formatProblem(result.problems[0]!)).toMatch(/^.*items\.jsonl:2: malformed JSON: /);
  });

  it('reports an invalid item with the field that is wrong', async () => {
    const file = await write(
      'invalid.jsonl',
      [
        JSON.stringify(faq('ok')),
        JSON.stringify(faq('no-answer', { answer: '  ' })),
        JSON.stringify({ kind: 'policy', id: 'p1', title: '办法', text: '正文', issueDate: '2024-13-01' }),
        JSON.stringify({ kind: 'memo', id: 'm', title: 't' }),
        '[1, 2]',
      ].join('\n'),
    );
    const result = await importPaths([file]);
    expect(result.items.map((i) => i.id)).toEqual(['ok']);
    const lines = result.problems.map(formatProblem);
    expect(lines).toHaveLength(4);
    expect(lines[0]).toBe(`${file}:2: answer: must not be empty`);
    expect(lines[1]).toBe(`${file}:3: issueDate: is not a real calendar date`);
    expect(lines[2]).toMatch(new RegExp(`^${file.replace(/[.]/g, '\\.')}:4: kind: `));
    expect(lines[3]).toBe(`${file}:5: expected an object, got an array`);
  });

  it('imports eval corpus lines as policies, keeping their ids and text exactly', async () => {
    const text = '财政部 税务总局关于支持疫情防控有关税收政策的公告 为进一步做好疫情防控工作，现公告如下： 一、对疫情防控重点保障物资生产企业…';
    const file = await write(
      'corpus.jsonl',
      [
        JSON.stringify({ id: '0013aa11eb73353abf1e2bd8bca41750', title: '国家税务总局南阳市税务局', text: '国家税务总局南阳市税务局 各单位：现就有关事项通知如下。' }),
        JSON.stringify({ id: '106e7e512cf23c099d8ba4a340f2c9e8', title: '', text }),
      ].join('\n'),
    );
    const result = await importPaths([file]);
    expect(result.problems).toEqual([]);
    expect(result.items).toMatchObject([
      { kind: 'policy', id: '0013aa11eb73353abf1e2bd8bca41750', title: '国家税务总局南阳市税务局' },
      { kind: 'policy', id: '106e7e512cf23c099d8ba4a340f2c9e8', title: '财政部 税务总局关于支持疫情防控有关税收政策的公告', text },
    ]);
  });

  it('imports eval corpus lines as the kind asked for', async () => {
    const file = await write('corpus-article.jsonl', JSON.stringify({ id: 'n1', title: '高新区上线数字人', text: '近日，高新区上线数字人。' }));
    const result = await importPaths([file], { kind: 'article' });
    expect(result.items).toMatchObject([{ kind: 'article', id: 'n1', text: '近日，高新区上线数字人。' }]);
  });
});

describe('JSON', () => {
  it('reads one item, an array, or { items: [...] }, and normalises dates', async () => {
    const one = await write('one.json', JSON.stringify({ kind: 'article', id: 'x', title: '标题', text: '正文', date: '2024/3/5' }));
    const array = await write('array.json', JSON.stringify([faq('y'), faq('z')]));
    const wrapped = await write('wrapped.json', JSON.stringify({ items: [faq('w')] }));
    const result = await importPaths([one, array, wrapped]);
    expect(result.problems).toEqual([]);
    expect(result.items.map((i) => i.id)).toEqual(['x', 'y', 'z', 'w']);
    expect(result.items[0]).toMatchObject({ date: '2024-03-05' });
  });

  it('names the position of a bad item in an array', async () => {
    const file = await write('bad-array.json', JSON.stringify([faq('ok2'), { ...faq('bad'), title: '' }]));
    const result = await importPaths([file]);
    expect(result.items.map((i) => i.id)).toEqual(['ok2']);
    expect(result.problems.map(formatProblem)).toEqual([`${file}: [1]: title: must not be empty`]);
  });

  it('reports a malformed file with the line of the error', async () => {
    const file = await write('broken.json', '[\n  {"kind": "faq"},\n  {"kind": }\n]');
    const result = await importPaths([file]);
    expect(result.items).toEqual([]);
    expect(result.problems).toHaveLength(1);
    expect(result.problems[0]).toMatchObject({ file, line: 3 });
    expect(result.problems[0]!.message).toMatch(/^malformed JSON/);
  });

  it('skips a second item with an id already imported, and says where the first came from', async () => {
    const file = await write('dupes.jsonl', [JSON.stringify(faq('same')), JSON.stringify(faq('same', { answer: '另一个答案' }))].join('\n'));
    const result = await importPaths([file]);
    expect(result.items).toHaveLength(1);
    expect(result.items[0]).toMatchObject({ answer: '答案same' });
    expect(result.problems.map(formatProblem)).toEqual([`${file}:2: id "same" is already used by ${file}:1; skipped`]);
  });
});
