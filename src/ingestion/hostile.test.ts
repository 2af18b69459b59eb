/**
 * @module ingestion/hostile.test — files written to attack the importer: no code in a file ever
 * runs, and no record can reach Object.prototype.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { useTempDir } from '../test/temp-dir.js';
import { formatProblem, importPaths } from './index.js';

const tmp = useTempDir('xiaoxin-hostile-');

/** Front matter that, if evaluated as JavaScript, writes `marker` and sets a global. */
const payload = (marker: string) =>
  `{ title: (globalThis.__xiaoxinPwned = true, require('fs').writeFileSync(${JSON.stringify(marker)}, 'ran'), 'pwned'), kind: 'faq', id: 'pwned' }`;

describe('Markdown front matter', () => {
  it.each(['js', 'javascript', 'coffee'])('---%s is a problem naming the file, and nothing in it runs', async (language) => {
    const marker = join(tmp.dir, `ran-${language}`);
    const file = await tmp.write(`note-${language}.md`, `---${language}\n${payload(marker)}\n---\n正文\n`);
    const result = await importPaths([file]);
    expect(existsSync(marker)).toBe(false);
    expect((globalThis as { __xiaoxinPwned?: boolean }).__xiaoxinPwned).toBeUndefined();
    expect(result.items).toEqual([]);
    expect(result.problems.map(formatProblem)).toEqual([
      `${file}: front matter in "${language}" is not accepted; only YAML (--- or ---yaml) is`,
    ]);
  });

  it.each(['!!js/function "function () { return 1 }"', '!!js/regexp /a+/', '!!js/undefined ""'])('YAML with %s is a problem naming the file', async (tagged) => {
    const file = await tmp.write('tagged.md', `---\nkind: faq\nid: tagged\ntitle: ${tagged}\n---\n答案\n`);
    const result = await importPaths([file]);
    expect(result.items).toEqual([]);
    expect(result.problems).toHaveLength(1);
    expect(formatProblem(result.problems[0]!)).toMatch(new RegExp(`^${file}: front matter is not valid YAML: .*unknown.*tag`));
  });

  it('still reads ---yaml front matter', async () => {
    const file = await tmp.write('yaml.md', '---yaml\nkind: faq\nid: faq-yaml\ntitle: 几点上班？\n---\n九点。\n');
    const result = await importPaths([file]);
    expect(result.problems).toEqual([]);
    expect(result.items.map((i) => i.id)).toEqual(['faq-yaml']);
  });
});

describe('__proto__ in JSON and YAML', () => {
  it('stays an ordinary key: Object.prototype is untouched and no field is inherited', async () => {
    const json = await tmp.write(
      'proto.json',
      '{"__proto__": {"polluted": "yes", "kind": "faq"}, "constructor": {"prototype": {"polluted": "yes"}}, "id": "p1", "title": "问？", "answer": "答。"}',
    );
    const md = await tmp.write('proto.md', '---\n__proto__:\n  polluted: yes\n  kind: policy\nkind: faq\nid: p2\ntitle: 问？\n---\n答。\n');
    const result = await importPaths([json, md]);
    expect(({} as { polluted?: string }).polluted).toBeUndefined();
    // The JSON record's kind was only on its __proto__, so it has none.
    expect(result.problems.map((p) => p.file)).toEqual([json]);
    expect(result.items.map((i) => [i.id, i.kind, Object.getPrototypeOf(i) === Object.prototype])).toEqual([['p2', 'faq', true]]);
    expect(result.items[0]).not.toHaveProperty('polluted');
  });
});
