/** @module ingestion/clean.test — the cleaner on small realistic snippets and on the real seed pages. */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cleanText } from './clean.js';

const paragraphs = (text: string) => text.split('\n\n');

describe('cleanText', () => {
  it('joins lines a newspaper column broke mid-sentence, blank lines between them included', () => {
    const raw = '会上，包头稀土高新区携手\n\n中关村科技园区、深圳高新区、\n\n昆明高新区 6家国家高\n\n新区，共同成立协同创新网络。';
    expect(cleanText(raw)).toBe('会上，包头稀土高新区携手中关村科技园区、深圳高新区、昆明高新区6家国家高新区，共同成立协同创新网络。');
  });

  it('keeps real paragraph breaks after sentence-final punctuation', () => {
    const raw = '该项目计划总投资35亿元，\n规划建设量产线。\n同时，高新区将加强\n人才引进。';
    expect(paragraphs(cleanText(raw))).toEqual(['该项目计划总投资35亿元，规划建设量产线。', '同时，高新区将加强人才引进。']);
  });

  it('keeps headings: Markdown headings, numbered headings and short standalone lines', () => {
    const raw = [
      '## 引进科研平台',
      '赣州高新区是“中国稀土谷”核心区，也是赣州',
      '市唯一的国家级高新区。',
      '一、补助对象',
      '在高新区注册、具有独立法人资格的科技型中',
      '小企业，均可申请。',
      '做精做强龙头骨干企业',
      '自2016年获批建设国家火炬特色产业基地以来，',
      '清远高新区坚持创新驱动发展战略。',
    ].join('\n');
    expect(paragraphs(cleanText(raw))).toEqual([
      '## 引进科研平台',
      '赣州高新区是“中国稀土谷”核心区，也是赣州市唯一的国家级高新区。',
      '一、补助对象',
      '在高新区注册、具有独立法人资格的科技型中小企业，均可申请。',
      '做精做强龙头骨干企业',
      '自2016年获批建设国家火炬特色产业基地以来，清远高新区坚持创新驱动发展战略。',
    ]);
  });

  it('removes repeated headlines, whether on one line or on consecutive lines', () => {
    expect(cleanText('协同创新网络成立协同创新网络成立')).toBe('协同创新网络成立');
    expect(cleanText('清远高新区获评特色产业园区\n清远高新区获评特色产业园区\n本报讯 近日，清远高新区获评。')).toBe(
      '清远高新区获评特色产业园区\n\n本报讯 近日，清远高新区获评。',
    );
  });

  it('drops a pull quote that repeats part of a longer paragraph', () => {
    const quote = '目前，该高新区各级各类研发平台达158家、在研项目达1235项，拥有有效发明专利1057项。';
    const text = cleanText(`${quote}\n## 项目串珠成链\n包头稀土高新区不断提高科技企业引育率。${quote}2022年，组织推荐企业申报科技项目74个。`);
    expect(paragraphs(text)).toHaveLength(2);
    expect(text.indexOf(quote)).toBeGreaterThan(text.indexOf('## 项目串珠成链'));
  });

  it('normalises full-width letters, digits and spaces but keeps Chinese punctuation', () => {
    expect(cleanText('２０２４年３月，ＡＩ数字人“高小新”上线（试运行）：７×２４小时服务。')).toBe(
      '2024年3月，AI数字人“高小新”上线（试运行）：7×24小时服务。',
    );
  });

  it('collapses spaces inside Chinese text but keeps those between words of a byline', () => {
    expect(cleanText('9月 16日，政 务 服 务 大 厅 推 出 政 务 AI 数 字 人，总产值 446.12 亿 元 ，占比 77%。')).toBe(
      '9月16日，政务服务大厅推出政务AI数字人，总产值446.12亿元，占比77%。',
    );
    expect(cleanText('◎本报记者 张景阳 通讯员 贾婷婷')).toBe('◎本报记者 张景阳 通讯员 贾婷婷');
  });

  it('drops page numbers and photo credits standing alone', () => {
    const raw = '本办法所称企业，是指在高新区\n- 3 -\n注册的企业。\n第 2 页\n受访者供图\n12\n附则。';
    expect(cleanText(raw)).toBe('本办法所称企业，是指在高新区注册的企业。\n\n附则。');
  });

  it('moves a photo caption out of the sentence it interrupts', () => {
    const raw = [
      '不久前，分中心在赣州高新区揭牌成立。揭牌仪式后，中国科学院赣江创新研究院与赣州高新区签订合',
      '工作人员正在调试设备、记录数据。 尹才震摄',
      '作协议，双方将聚焦共建产学研示范区、产业技术高地等目标，围绕科技、产业、人才等方面开展深度合作。',
    ].join('\n');
    expect(paragraphs(cleanText(raw))).toEqual([
      '不久前，分中心在赣州高新区揭牌成立。揭牌仪式后，中国科学院赣江创新研究院与赣州高新区签订合作协议，双方将聚焦共建产学研示范区、产业技术高地等目标，围绕科技、产业、人才等方面开展深度合作。',
      '工作人员正在调试设备、记录数据。尹才震摄',
    ]);
  });

  it('puts back the space between English words broken across lines', () => {
    expect(cleanText('The zone offers one-stop\nservices for enterprises.')).toBe('The zone offers one-stop services for enterprises.');
  });

  it('is stable on text it has already cleaned, for well-formed documents', () => {
    const raw = '关于印发补助办法的通知\n各有关企业：\n现将办法印发给你们，请认\n真贯彻执行。\n一、补助对象\n科技型中小企业。';
    const once = cleanText(raw);
    expect(cleanText(once)).toBe(once);
    expect(paragraphs(once)).toEqual(['关于印发补助办法的通知', '各有关企业：', '现将办法印发给你们，请认真贯彻执行。', '一、补助对象', '科技型中小企业。']);
  });
});

// The seed pages are real scanned newspaper pages, read here only when the shared folder is present.
const SEEDS = join(process.cwd(), '..', 'shared', 'context', 'seeds');
const seeds = existsSync(SEEDS) ? readdirSync(SEEDS).filter((f) => f.endsWith('.txt')).sort() : [];

describe.skipIf(seeds.length === 0)('cleanText on the seed pages', () => {
  const cleaned = Object.fromEntries(seeds.map((f) => [f, cleanText(readFileSync(join(SEEDS, f), 'utf8'))]));
  // PRINT_SEEDS=1 npx vitest run src/ingestion/clean.test.ts — to read the result.
  if (process.env.PRINT_SEEDS) for (const [f, text] of Object.entries(cleaned)) console.log(`===== ${f}\n${text}\n`);

  it('turns the column-broken page into whole paragraphs', () => {
    const text = cleaned[seeds.find((f) => f.startsWith('000'))!]!;
    expect(text).toContain('9月16日，由包头稀土高新区主办的“汇聚高新力量 引领稀土未来”国家高新区稀土产业协同创新网络启动大会暨工作推进会在包头市召开。');
    expect(text).toContain('昆明高新区6家国家高新区，共同成立');
    expect(text).toContain('随州高新区政务服务大厅推出政务AI数字人“高小新”');
    expect(text).not.toContain('国家高新区稀土产业协同创新网络成立国家高新区稀土产业协同创新网络成立');
  });

  it('leaves no line broken mid-sentence in the body of any page', () => {
    for (const text of Object.values(cleaned)) {
      const ps = paragraphs(text);
      // Column-broken pages have lines of ~15 characters; a readable page has far longer paragraphs.
      const long = ps.filter((p) => p.length >= 40).length;
      expect(long / ps.length).toBeGreaterThan(0.5);
      expect(text).not.toMatch(/\n{3,}/);
      expect(text).not.toMatch(/[\u3000\uFF10-\uFF19]/);
    }
  });

  it('keeps the Markdown headings of the pages as paragraphs of their own', () => {
    const text = cleaned[seeds.find((f) => f.startsWith('002'))!]!;
    expect(paragraphs(text)).toContain('## 引进科研平台');
    expect(paragraphs(text)).toContain('## 产业“聚链成群” 企业“众木成林”');
  });
});
