/**
 * @module search/fields.test
 * What an item's head is made of: a notice's issuer and 文号 are names people ask by, but said
 * once — most titles already open with the issuer.
 */
import { describe, expect, it } from 'vitest';
import { itemSchema } from '../knowledge/index.js';
import { headText } from './fields.js';

const policy = (title: string, extra: { issuer?: string; docNumber?: string }) =>
  itemSchema.parse({ kind: 'policy', id: 'p', title, text: `${title}\n各单位要为办事群众提供预约服务。`, ...extra });

describe('headText of a policy', () => {
  it('does not repeat an issuer the title already opens with', () => {
    const head = headText(policy('人力资源社会保障部关于做好春节后返岗服务的通知', { issuer: '人力资源社会保障部' }));
    expect(head.split('人力资源社会保障部')).toHaveLength(2);
  });

  it('adds the issuer and 文号 when the title does not name them', () => {
    const head = headText(policy('关于做好春节后返岗服务的通知', { issuer: '市人力资源和社会保障局', docNumber: '某人社发〔2024〕3号' }));
    expect(head).toContain('市人力资源和社会保障局');
    expect(head).toContain('某人社发〔2024〕3号');
  });

  it('does not repeat a 文号 the title already carries', () => {
    const head = headText(policy('某府办发〔2024〕5号关于做好春耕备耕的通知', { docNumber: '某府办发〔2024〕5号' }));
    expect(head.split('某府办发〔2024〕5号')).toHaveLength(2);
  });
});
