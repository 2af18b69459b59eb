/**
 * @module answering/service-conflicts.test
 * A sibling of an item's subject, or another act on its licence, is another service.
 */
import { describe, expect, it } from 'vitest';
import { actsConflict, actsIn, isSibling } from './service-conflicts.js';

const subjects = new Set(['失业保险', '工伤保险', '结婚登记']);
const namesAnItem = (w: string): boolean => subjects.has(w);
/** Kinds the knowledge base names: 保险 and 登记 have several, 毕业生 one. */
const kindsOf = (tail: string): number => ({ 保险: 3, 登记: 4, 业生: 1 })[tail] ?? 0;

describe('isSibling', () => {
  it('finds the same kind of thing with another modifier in the head', () => {
    expect(isSibling('失业保险', '工伤保险待遇申领', namesAnItem, kindsOf)).toBe(true);
    expect(isSibling('结婚登记', '个体工商户设立登记', namesAnItem, kindsOf)).toBe(true);
  });

  it('needs the knowledge base to name several kinds of the thing', () => {
    expect(isSibling('应届毕业生', '企业吸纳高校毕业生就业补贴', () => true, kindsOf)).toBe(false);
  });

  it('needs the word to name a subject of the knowledge base, and four characters', () => {
    expect(isSibling('医疗保险', '工伤保险待遇申领', namesAnItem, kindsOf)).toBe(false);
    expect(isSibling('保险', '工伤保险待遇申领', () => true, kindsOf)).toBe(false);
  });

  it('is no sibling when the head holds the word itself', () => {
    expect(isSibling('工伤保险', '工伤保险待遇申领', namesAnItem, kindsOf)).toBe(false);
  });
});

describe('actsConflict', () => {
  it('tells a first application from a renewal, a change or a cancellation', () => {
    expect(actsConflict('第一次申请食品经营许可证要什么材料', '食品经营许可证延续')).toBe(true);
    expect(actsConflict('营业执照丢了怎么补', '营业执照变更登记')).toBe(true);
    expect(actsIn('营业执照丢了怎么补办')).toEqual(['replacement']);
  });

  it('never conflicts with a title that names no act', () => {
    expect(actsConflict('第一次办居住证', '居住证申领')).toBe(false);
    expect(actsConflict('居住证到期了要延期', '居住证签注延期')).toBe(false);
  });
});
