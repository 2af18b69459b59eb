/**
 * @module knowledge/validate.test
 * Validation names the field at fault, including text the database would refuse.
 */
import { describe, expect, it } from 'vitest';
import { unstorableText, validateItem } from './validate.js';

const faq = { kind: 'faq', id: 'f1', title: '怎么办？', answer: '到窗口办理。' };
const guide = { kind: 'guide', id: 'g1', title: '开办企业', materials: [{ name: '营业执照' }], steps: ['申请'] };

function errorsOf(input: unknown): string[] {
  const result = validateItem(input);
  return result.ok ? [] : result.errors;
}

describe('validateItem and text the database refuses', () => {
  it('names the field and the position of a NUL character', () => {
    expect(errorsOf({ ...faq, answer: '请携带营业执照到政务服务\u0000中心办理。' })).toEqual([
      'answer: contains a NUL character (U+0000) at position 13',
    ]);
  });

  it('finds NUL and lone surrogates in nested fields, all of them', () => {
    const errors = errorsOf({
      ...guide,
      materials: [{ name: '营业执照' }, { name: '身份证', notes: '复印\u0000件' }],
      steps: ['申请', '\udc00审核'],
    });
    expect(errors).toEqual([
      'materials[1].notes: contains a NUL character (U+0000) at position 3',
      'steps[1]: contains a broken character (a lone UTF-16 surrogate, U+DC00) at position 1',
    ]);
    expect(errorsOf({ ...faq, similarQuestions: ['好', '坏\ud800'] })).toEqual([
      'similarQuestions[1]: contains a broken character (a lone UTF-16 surrogate, U+D800) at position 2',
    ]);
  });

  it('reports it beside other problems of the item', () => {
    expect(errorsOf({ ...faq, answer: '', title: '问\u0000' })).toEqual([
      'answer: must not be empty',
      'title: contains a NUL character (U+0000) at position 2',
    ]);
  });

  it('accepts characters outside the Basic Multilingual Plane and counts them as one', () => {
    expect(validateItem({ ...faq, answer: '𠀀𠀁 ok' }).ok).toBe(true);
    expect(unstorableText({ a: '𠀀\u0000' })).toEqual(['a: contains a NUL character (U+0000) at position 2']);
  });

  it('ignores fields the item does not keep', () => {
    expect(validateItem({ ...faq, comment: 'x\u0000' }).ok).toBe(true);
  });

  it('limits a category to what the database can index', () => {
    expect(errorsOf({ ...faq, category: '类'.repeat(101) })).toEqual(['category: must be at most 100 characters']);
  });
});
