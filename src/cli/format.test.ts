/** Tests of the answer as people see it in a terminal. */
import { describe, expect, it } from 'vitest';
import type { Answer } from '../answering/answer.js';
import { formatAnswer } from './format.js';

const base: Answer = { text: '', type: 'passage', citations: [], confidence: 0.9, suggestions: [] };

describe('formatAnswer', () => {
  it('shows the sources with the validity of a policy, and what else to ask', () => {
    const out = formatAnswer({
      ...base,
      text: '租金按市场价的50%收取。',
      citations: [{ id: 'policy-apartment', title: '人才公寓管理办法', kind: 'policy', validUntil: '2029-02-28' }],
      suggestions: ['人才公寓申请'],
    });
    expect(out).toBe(
      '租金按市场价的50%收取。\n\n来源：\n  [1] 人才公寓管理办法（政策，policy-apartment，有效期至 2029-02-28）\n\n您还可以问：\n  · 人才公寓申请',
    );
  });

  it('numbers the choices of a clarifying question', () => {
    const out = formatAnswer({
      ...base,
      type: 'clarify',
      text: '您想办理哪一项？',
      choices: [
        { id: 'g1', title: '有限责任公司设立登记', kind: 'guide' },
        { id: 'g2', title: '个体工商户设立登记', kind: 'guide' },
      ],
    });
    expect(out).toContain('请选择：\n  1. 有限责任公司设立登记（办事指南，g1）\n  2. 个体工商户设立登记（办事指南，g2）');
  });

  it('does not repeat options the answer text already lists', () => {
    const out = formatAnswer({
      ...base,
      type: 'none',
      text: '抱歉，没有找到。请拨打 12345。\n您可以试试问：\n· 政务服务中心在哪里？',
      suggestions: ['政务服务中心在哪里？', '办公时间是几点？'],
    });
    expect(out.match(/政务服务中心在哪里/g)).toHaveLength(1);
    expect(out).toContain('您还可以问：\n  · 办公时间是几点？');
  });
});
