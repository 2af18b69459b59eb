/** @module ingestion/detect.test — title, dates, 文号, issuer and kind read from document text. */
import { describe, expect, it } from 'vitest';
import { parseDate } from './dates.js';
import { detectDates, detectDocNumber, detectIssuer, detectTitle, looksLikePolicy, runOnTitle } from './detect.js';

const NOTICE = [
  '示范市人民政府办公室文件',
  '示政办发〔2024〕12号',
  '示范市人民政府办公室关于印发《示范市支持科技型企业发展若干措施》的通知',
  '各区人民政府，市政府各部门：',
  '现将《示范市支持科技型企业发展若干措施》印发给你们，请认真贯彻执行。本措施自2024年4月1日起施行，有效期至2026年12月31日。',
  '根据《国务院办公厅关于进一步优化营商环境的意见》（国办发〔2020〕24号），制定本措施。',
  '示范市人民政府办公室',
  '2024年3月5日',
].join('\n\n');

describe('parseDate', () => {
  it('reads the ways Chinese documents write a date', () => {
    expect(parseDate('2024年3月5日')).toBe('2024-03-05');
    expect(parseDate('２０２４年３月５日')).toBe('2024-03-05');
    expect(parseDate('2024-03-05')).toBe('2024-03-05');
    expect(parseDate('2024.3.5')).toBe('2024-03-05');
    expect(parseDate('2024/3/5 10:00')).toBe('2024-03-05');
    expect(parseDate('二〇二四年三月十五日')).toBe('2024-03-15');
    expect(parseDate('二〇二〇年十二月三十一日')).toBe('2020-12-31');
  });

  it('rejects what is not a calendar date', () => {
    expect(parseDate('2024年2月30日')).toBeUndefined();
    expect(parseDate('2024年13月1日')).toBeUndefined();
    expect(parseDate('第7个')).toBeUndefined();
  });
});

describe('detectTitle', () => {
  it('skips letterhead and 文号 and takes the line that reads like a title', () => {
    expect(detectTitle(NOTICE)).toBe('示范市人民政府办公室关于印发《示范市支持科技型企业发展若干措施》的通知');
  });

  it('prefers a Markdown heading and skips bylines, captions and dates', () => {
    expect(detectTitle('图为车间一角。受访者供图\n\n## 包头稀土高新区：项目串珠成链\n\n◎本报记者 张景阳')).toBe('包头稀土高新区：项目串珠成链');
    expect(detectTitle('◎本报记者 张景阳\n\n2024-03-05\n\n高新区上线政务AI数字人\n\n近日，高新区上线政务AI数字人。')).toBe('高新区上线政务AI数字人');
  });

  it('puts a title wrapped over two lines back together', () => {
    expect(detectTitle('关于印发《示范高新区研发费用\n\n补助办法》的通知\n\n各有关企业：')).toBe('关于印发《示范高新区研发费用补助办法》的通知');
  });

  it('finds nothing in a page that is all prose', () => {
    expect(detectTitle('近日，高新区上线政务AI数字人，为企业提供服务。\n\n同时，高新区还将扩大服务范围。')).toBeUndefined();
  });

  it('reads the title of run-on web text from where it ends like a document title', () => {
    expect(runOnTitle('财政部 税务总局关于支持疫情防控有关税收政策的公告 财政部 税务总局公告2020年第8号 为进一步做好…')).toBe(
      '财政部 税务总局关于支持疫情防控有关税收政策的公告',
    );
    expect(runOnTitle('复工复产，交通先行。在抓好疫情防控的同时')).toBeUndefined();
    expect(runOnTitle('复工复产，交通先行。在抓好疫情防控的同时', true)).toBe('复工复产');
  });
});

describe('detectDates', () => {
  it('takes the date under the signature as the document date, and reads when it takes effect and expires', () => {
    expect(detectDates(NOTICE)).toEqual({ date: '2024-03-05', effectiveDate: '2024-04-01', expiryDate: '2026-12-31' });
  });

  it('prefers a labelled date, and reads a dateline at the top of an article', () => {
    expect(detectDates('标题\n\n发布日期：2023.11.2 来源：管委会\n\n正文。').date).toBe('2023-11-02');
    expect(detectDates('高新区上线数字人\n\n2024-03-05 10:00 来源：科技日报\n\n近日，高新区上线政务AI数字人。').date).toBe('2024-03-05');
  });

  it('does not take a date from the middle of the body', () => {
    expect(detectDates('标题\n\n近日，高新区召开大会，会议决定于明年推进。去年，即2023年5月1日，高新区成立了服务中心。\n\n后续工作正在推进。').date).toBeUndefined();
  });
});

describe('detectDocNumber and detectIssuer', () => {
  it('takes the 文号 from the head of the document, not one cited in the body', () => {
    expect(detectDocNumber(NOTICE)).toBe('示政办发〔2024〕12号');
    expect(detectDocNumber('关于进一步优化营商环境的通知\n\n根据《意见》（国办发〔2020〕24号）的要求，现通知如下。')).toBeUndefined();
    expect(detectDocNumber('发文字号：国办发〔2024〕7号\n\n正文。')).toBe('国办发〔2024〕7号');
    expect(detectDocNumber('国科发 [ 2021 ] 3 号\n\n正文。')).toBe('国科发[2021]3号');
    expect(detectDocNumber('财政部 税务总局公告2020年第8号\n\n为进一步做好疫情防控工作，现公告如下。')).toBe('财政部 税务总局公告2020年第8号');
  });

  it('reads the issuer from the letterhead, the title, or the signature', () => {
    expect(detectIssuer(NOTICE)).toBe('示范市人民政府办公室');
    expect(detectIssuer('正文。', '财政部 海关总署 税务总局关于防控疫情进口物资免税政策的公告')).toBe('财政部 海关总署 税务总局');
    expect(detectIssuer('关于开展申报工作的通知\n\n正文。\n\n示范高新区管理委员会\n\n2024年3月5日')).toBe('示范高新区管理委员会');
    expect(detectIssuer('正文没有落款。')).toBeUndefined();
  });
});

describe('looksLikePolicy', () => {
  it('is a policy with a 文号 or a title ending like one, else an article', () => {
    expect(looksLikePolicy('示范市支持科技型企业发展若干措施', '正文。')).toBe(true);
    expect(looksLikePolicy('某某标题', '示政办发〔2024〕12号\n\n正文。')).toBe(true);
    expect(looksLikePolicy('〔2020〕3号', '〔2020〕3号\n\n正文。')).toBe(true);
    expect(looksLikePolicy('高新区上线政务AI数字人', '近日，高新区上线政务AI数字人。')).toBe(false);
  });
});
