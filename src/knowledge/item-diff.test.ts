/**
 * @module knowledge/item-diff.test
 * Version differences read the way staff think of them: changed fields only, characters within
 * a text, whole lines within a list.
 */
import { describe, expect, it } from 'vitest';
import { diffItems } from './item-diff.js';
import { itemSchema, type Item } from './schema.js';

const guide = itemSchema.parse({
  kind: 'guide',
  id: 'guide-license',
  title: '企业设立登记',
  fee: '不收费',
  materials: [{ name: '公司登记申请书', form: '原件', copies: 1 }, { name: '公司章程' }],
  updatedAt: '2026-01-01T00:00:00Z',
}) as Item;

describe('diffItems', () => {
  it('finds nothing when only bookkeeping changed', () => {
    expect(diffItems(guide, { ...guide, updatedAt: '2026-02-01T00:00:00Z' } as Item)).toEqual([]);
  });

  it('shows a changed text character by character, with the field label', () => {
    const changes = diffItems(guide, { ...guide, fee: '免费' } as Item);
    expect(changes).toHaveLength(1);
    expect(changes[0]).toMatchObject({ field: 'fee', label: '收费标准', before: '不收费', after: '免费' });
    expect(changes[0]!.pieces).toContainEqual({ value: '不收', removed: true });
    expect(changes[0]!.pieces).toContainEqual({ value: '免', added: true });
  });

  it('shows a list change line by line, materials written as on a printed guide', () => {
    const after = { ...guide, materials: [...(guide as Extract<Item, { kind: 'guide' }>).materials, { name: '住所使用证明', copies: 1 }] } as Item;
    const changes = diffItems(guide, after);
    expect(changes.map((c) => c.field)).toEqual(['materials']);
    expect(changes[0]!.pieces).toEqual([
      { value: '公司登记申请书，原件，1份' },
      { value: '公司章程' },
      { value: '住所使用证明，1份', added: true },
    ]);
  });

  it('lists every filled field of a new item', () => {
    const fields = diffItems(undefined, guide).map((c) => c.field);
    expect(fields).toEqual(expect.arrayContaining(['kind', 'title', 'fee', 'materials']));
    expect(fields).not.toContain('updatedAt');
    expect(fields).not.toContain('tags');
  });
});
