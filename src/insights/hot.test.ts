import { describe, expect, it } from 'vitest';
import { hotQuestions } from './hot.js';

const asked = (question: string, questionKey: string) => ({ question, questionKey, sessions: 3, asked: 5 });

describe('hotQuestions', () => {
  it('puts the logged questions first, then fills up with curated ones, one per normalised form', () => {
    const hot = hotQuestions(
      [asked('公章在哪刻？', '公章在哪刻'), asked('营业执照材料', '营业执照材料')],
      ['营业执照材料？', '人才公寓怎么申请？', '停车收费吗？'],
      4,
    );
    expect(hot).toEqual(['公章在哪刻？', '营业执照材料', '人才公寓怎么申请？', '停车收费吗？']);
  });

  it('leaves out questions with redacted personal data and long stories', () => {
    const hot = hotQuestions(
      [asked('我电话[手机号]怎么没人回', '我电话手机号怎么没人回'), asked('长'.repeat(41), '长'.repeat(41)), asked('停车？', '停车')],
      [],
      8,
    );
    expect(hot).toEqual(['停车？']);
  });

  it('gives the curated questions when there is no history', () => {
    expect(hotQuestions([], ['甲？', '乙？', '甲'], 8)).toEqual(['甲？', '乙？']);
  });
});
