import { describe, expect, it } from 'vitest';
import { loadForms, parseForm } from './load.js';
import { isTable } from './schema.js';

const GOOD = `id: demo-form
title: 测试表
audience: enterprise
sections:
  - title: 一、基本信息
    fields:
      - { id: name, label: 企业名称, type: text, source: { fact: name } }
`;

describe('form templates', () => {
  it('loads the four demo forms', () => {
    const forms = loadForms();
    expect(forms.map((f) => f.id).sort()).toEqual(['high-tech-enterprise-application', 'individual-business-registration', 'tech-sme-evaluation-info', 'xinghe-innovation-funding-application']);
    const highTech = forms.find((f) => f.id === 'high-tech-enterprise-application')!;
    const labels = highTech.sections.flatMap((s) => s.fields.map((f) => f.label));
    expect(labels.slice(0, 4)).toEqual(['企业名称', '统一社会信用代码', '注册时间', '注册类型']);
    const finance = highTech.sections.flatMap((s) => s.fields).find((f) => f.id === 'finance')!;
    expect(isTable(finance) && finance.rows).toEqual({ lastYears: 3 });
  });

  it('accepts a minimal form', () => {
    expect(parseForm(GOOD, 'demo.yaml').ok).toBe(true);
  });

  it.each([
    ['a wrong type', GOOD.replace('type: text', 'type: txt'), /^demo\.yaml:7: sections\.0\.fields\.0\.type: /],
    ['an unknown profile fact', GOOD.replace('fact: name', 'fact: turnover'), /^demo\.yaml:7: sections\.0\.fields\.0\.source\.fact: /],
    ['a question without ？', GOOD.replace('{ fact: name }', '{ ask: 企业叫什么 }'), /^demo\.yaml:7: sections\.0\.fields\.0\.source\.ask: must be a question ending with ？/],
    ['a choice without options', GOOD.replace('type: text', 'type: choice'), /^demo\.yaml:7: sections\.0\.fields\.0\.options: a choice field needs options/],
    ['a bad pattern', GOOD.replace('type: text,', "type: text, pattern: { regex: '([', message: 格式不对 },"), /sections\.0\.fields\.0\.pattern\.regex: not a valid regular expression/],
    ['a missing title', GOOD.replace('title: 测试表\n', ''), /^demo\.yaml:1: title: /],
  ])('names the file, line and field of %s', (_name, source, problem) => {
    const parsed = parseForm(source, 'demo.yaml');
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.problems[0]).toMatch(problem);
  });

  it('checks what one field cannot: duplicate ids and table cells naming no column', () => {
    const twice = parseForm(`${GOOD}      - { id: name, label: 名称, type: text, source: { fact: name } }\n`, 'demo.yaml');
    expect(!twice.ok && twice.problems).toEqual(['demo.yaml:8: sections.0.fields.1.id: field id name is used twice']);
    const table = `${GOOD}      - id: ip
        label: 知识产权
        type: table
        rowHeader: 类别
        columns: [{ id: count, label: 数量 }]
        rows: [{ id: invention, label: 发明专利, cells: { amount: { fact: ip.inventionPatents } } }]
`;
    const parsed = parseForm(table, 'demo.yaml');
    expect(!parsed.ok && parsed.problems.join('\n')).toMatch(/demo\.yaml:13: sections\.0\.fields\.1\.rows\.0\.cells\.amount: no column amount in this table/);
  });

  it('refuses YAML that is not YAML, with its line', () => {
    const parsed = parseForm('id: x\n  title: [', 'bad.yaml');
    expect(!parsed.ok && parsed.problems[0]).toMatch(/^bad\.yaml:\d+: 不是有效的 YAML/);
  });
});
