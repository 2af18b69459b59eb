import { describe, expect, it } from 'vitest';
import { addNoise, HomophoneTable } from './noise.js';
import { toPinyin } from '../language/index.js';

const corpus = ['失业保险金按月发放。今天办理的事项今天办结。结转下一年度。', '营业执照遗失补领，金额不超过五万元。'];

describe('eval noise', () => {
  const table = new HomophoneTable(corpus);

  it('asr noise replaces characters by others that sound the same', () => {
    const question = '失业保险金怎么申领';
    const noisy = addNoise(question, 'asr', table, 1);
    expect(noisy).not.toBe(question);
    expect(toPinyin(noisy)).toBe(toPinyin(question));
  });

  it('is repeatable for the same seed', () => {
    expect(addNoise('失业保险金今天能办结吗', 'asr', table, 7)).toBe(addNoise('失业保险金今天能办结吗', 'asr', table, 7));
  });

  it('traditional noise writes traditional characters', () => {
    expect(addNoise('营业执照遗失怎么补领', 'traditional', table, 1)).toBe('營業執照遺失怎麼補領');
  });

  it('spoken noise keeps the question and adds filler around it', () => {
    const noisy = addNoise('营业执照遗失怎么补领？', 'spoken', table, 3);
    expect(noisy).toContain('营业执照遗失怎么补领');
    expect(noisy).not.toBe('营业执照遗失怎么补领？');
  });
});
