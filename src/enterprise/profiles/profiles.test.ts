/**
 * @module enterprise/profiles/profiles.test
 * The pure parts of stored profiles: a profile as facts and back, Chinese field errors, the
 * sheet's column headers and cell values.
 */
import { describe, expect, it } from 'vitest';
import { checkProfile } from './field-errors.js';
import { factsOfProfile, profileInputOfFacts, sameValue, withSource } from './facts.js';
import { cellValue } from './sheet-cells.js';
import { columnLetter, columnOf } from './sheet-columns.js';

describe('a profile as facts', () => {
  it('splits a profile into facts by year and IP type, and puts it together again', () => {
    const checked = checkProfile({
      name: '甲公司',
      employees: { value: 86, source: 'verified', note: '社保名单' },
      revenue: { 2023: 3380, 2024: 4120 },
      ip: { inventionPatents: 3 },
      incidents: [],
    });
    if (!checked.ok) throw new Error(JSON.stringify(checked.errors));
    const facts = factsOfProfile(checked.profile);
    expect(facts.map((f) => [f.key, f.value, f.source])).toEqual([
      ['employees', 86, 'verified'],
      ['incidents', [], 'self-declared'],
      ['ip.inventionPatents', 3, 'self-declared'],
      ['revenue.2023', 3380, 'self-declared'],
      ['revenue.2024', 4120, 'self-declared'],
    ]);
    const again = checkProfile(profileInputOfFacts(facts, { name: '甲公司' }));
    expect(again.ok && again.profile).toEqual(checked.profile);
  });

  it('compares list values whoever verified their items', () => {
    const list = { key: 'qualifications', value: [{ kind: 'high-tech', issuedOn: '2023-11-06', source: 'self-declared' }], source: 'self-declared' as const };
    const verified = withSource(list, 'verified');
    expect((verified.value as { source: string }[])[0]!.source).toBe('verified');
    expect(sameValue('qualifications', list.value, verified.value)).toBe(true);
    expect(sameValue('employees', 86, 87)).toBe(false);
  });

  it('names list items and their fields in Chinese', () => {
    const checked = checkProfile({ qualifications: [{ kind: 'gold-medal', issuedOn: '2023-13-01' }] });
    expect(checked.ok).toBe(false);
    if (checked.ok) return;
    expect(checked.errors.map((e) => `${e.field} ${e.label}：${e.message}`)).toEqual([
      expect.stringMatching(/^qualifications\.0\.kind 已获资质第1项的类别：应为以下之一：high-tech（高新技术企业证书）、/),
      'qualifications.0.issuedOn 已获资质第1项的发证（认定）日期：不是真实存在的日期',
    ]);
  });
});

describe('profile sheets', () => {
  it('reads headers by Chinese name or key, by year before or after', () => {
    expect(columnOf('职工总数')).toEqual({ kind: 'fact', key: 'employees', unit: 'people' });
    expect(columnOf(' 2024年 销售(营业)收入 ')).toMatchObject({ key: 'revenue.2024' });
    expect(columnOf('研究开发费用2023')).toMatchObject({ key: 'rdExpenses.2023' });
    expect(columnOf('rdExpenses.2022')).toMatchObject({ key: 'rdExpenses.2022' });
    expect(columnOf('发明专利（含国防专利）数量')).toMatchObject({ key: 'ip.inventionPatents' });
    expect(columnOf('统一社会信用代码')).toEqual({ kind: 'creditCode' });
    expect(columnOf('2024年职工总数')).toBeUndefined();
    expect(columnOf('备注')).toBeUndefined();
    expect([1, 26, 27, 52].map(columnLetter)).toEqual(['A', 'Z', 'AA', 'AZ']);
  });

  it('reads cells as the fact wants them, passing on what it cannot read', () => {
    expect(cellValue('1,200.5', 'money')).toBe(1200.5);
    expect(cellValue({ formula: 'A1+1', result: 7 }, 'people')).toBe(7);
    expect(cellValue('是', 'yes-no')).toBe(true);
    expect(cellValue('否', 'yes-no')).toBe(false);
    expect(cellValue(new Date(Date.UTC(2021, 5, 30)), 'date')).toBe('2021-06-30');
    expect(cellValue('2021年6月3日', 'date')).toBe('2021-06-03');
    expect(cellValue('i6513', 'text')).toBe('I6513');
    expect(cellValue('  ', 'money')).toBeUndefined();
    expect(cellValue('三十', 'people')).toBe('三十');
  });
});
