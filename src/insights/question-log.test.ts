/** What the question log keeps of a turn: redacted, keyed, and classified for the insights. */
import { describe, expect, it } from 'vitest';
import { questionKey, questionRecord } from './question-log.js';

const answer = (kind?: string) => ({ type: 'guide-field', confidence: 0.8, citations: kind ? [{ id: 'g1', kind }] : [] });

describe('questionRecord', () => {
  it('classifies the question and keeps the theme it is given', () => {
    const record = questionRecord({ id: 't1', channel: 'web', question: '企业设立登记要带什么材料？', answer: answer('guide'), theme: '企业开办' });
    expect(record).toMatchObject({ questionKind: 'materials', theme: '企业开办', citedIds: ['g1'], questionKey: '企业设立登记要带什么材料' });
    expect(questionRecord({ id: 't2', channel: 'web', question: '人才补贴能拿多少', answer: answer() }).questionKind).toBe('policy');
    // The cited item's kind decides when the words do not.
    expect(questionRecord({ id: 't3', channel: 'web', question: '营业执照', answer: answer('guide') }).questionKind).toBe('how');
    expect(questionRecord({ id: 't4', channel: 'web', question: '你好', answer: answer() })).not.toHaveProperty('theme');
  });

  it('records who logged a counter question, with the note redacted like the question', () => {
    const record = questionRecord({
      id: 't5',
      channel: 'window',
      question: '社保卡丢了怎么办，我的电话13912345678',
      answer: answer(),
      loggedBy: 'zhao',
      note: '回电 13912345678',
    });
    expect(record).toMatchObject({ channel: 'window', loggedBy: 'zhao', question: '社保卡丢了怎么办，我的电话[手机号]', note: '回电 [手机号]' });
    expect(questionRecord({ id: 't6', channel: 'window', question: '问', answer: answer(), note: '  ' })).not.toHaveProperty('note');
  });

  it('keys questions that differ in width, script and punctuation alike', () => {
    expect(questionKey('營業執照？')).toBe(questionKey('营业执照'));
  });
});
