/** @module ingestion/document.test — TXT, DOCX, PDF and HTML documents, good and corrupt. */
import { existsSync } from 'node:fs';
import { copyFile, readFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import fontkit from '@pdf-lib/fontkit';
import { Document, HeadingLevel, Packer, Paragraph } from 'docx';
import { PDFDocument, StandardFonts } from 'pdf-lib';
import { describe, expect, it } from 'vitest';
import { useTempDir } from '../test/temp-dir.js';
import { formatProblem, importPaths } from './index.js';

const FIXTURES = join(dirname(fileURLToPath(import.meta.url)), 'fixtures');

const tmp = useTempDir('xiaoxin-doc-');
const write = tmp.write;

describe('TXT', () => {
  it('cleans an OCR page into an article with its title, date and the file name as id', async () => {
    const file = await write(
      '高新区 数字人 报道.txt',
      [
        '◎本报记者 张景阳',
        '',
        '随州高新区上线政务AI数字人',
        '',
        '２０２４年３月５日',
        '',
        '本报讯 近日，随州高新区政',
        '',
        '务 服 务 大 厅 推 出 政 务 AI 数 字',
        '',
        '人“高小新”，以人工智能技术推动',
        '',
        '政务服务升级。',
        '',
        '- 2 -',
      ].join('\n'),
    );
    const result = await importPaths([file]);
    expect(result.problems).toEqual([]);
    expect(result.items).toEqual([
      {
        kind: 'article',
        id: '高新区-数字人-报道',
        title: '随州高新区上线政务AI数字人',
        date: '2024-03-05',
        source: '高新区 数字人 报道.txt',
        tags: [],
        audience: [],
        text: '◎本报记者 张景阳\n\n随州高新区上线政务AI数字人\n\n2024年3月5日\n\n本报讯 近日，随州高新区政务服务大厅推出政务AI数字人“高小新”，以人工智能技术推动政务服务升级。',
      },
    ]);
  });

  it('takes the kind given in the options', async () => {
    const file = await write('notice.txt', '关于开展申报工作的通知\n各有关企业：现将有关事项通知如下。');
    const [asPolicy] = (await importPaths([file])).items;
    const [asArticle] = (await importPaths([file], { kind: 'article' })).items;
    expect(asPolicy).toMatchObject({ kind: 'policy', title: '关于开展申报工作的通知' });
    expect(asArticle).toMatchObject({ kind: 'article', title: '关于开展申报工作的通知' });
  });

  it('reports an empty document instead of importing it', async () => {
    const file = await write('blank.txt', '\n\n  \n');
    const result = await importPaths([file]);
    expect(result.items).toEqual([]);
    expect(result.problems.map(formatProblem)).toEqual([`${file}: no text found; skipped`]);
  });
});

describe('DOCX', () => {
  it('reads a Word document: title from its heading, 文号, dates and issuer detected', async () => {
    const doc = new Document({
      sections: [
        {
          children: [
            new Paragraph({ text: '示高管发〔2024〕7号' }),
            new Paragraph({ text: '示范高新区企业上市奖励办法', heading: HeadingLevel.TITLE }),
            new Paragraph({ text: '第一条 为支持企业上市融资，制定本办法。' }),
            new Paragraph({ text: '第二条 企业在境内主板上市的，给予一次性奖励300万元。' }),
            new Paragraph({ text: '第三条 本办法自2024年5月1日起施行。' }),
            new Paragraph({ text: '示范高新区管理委员会' }),
            new Paragraph({ text: '2024年4月10日' }),
          ],
        },
      ],
    });
    const file = await write('listing-award.docx', await Packer.toBuffer(doc));
    const result = await importPaths([file]);
    expect(result.problems).toEqual([]);
    expect(result.items).toMatchObject([
      {
        kind: 'policy',
        id: 'listing-award',
        title: '示范高新区企业上市奖励办法',
        docNumber: '示高管发〔2024〕7号',
        issueDate: '2024-04-10',
        effectiveDate: '2024-05-01',
        issuer: '示范高新区管理委员会',
        source: 'listing-award.docx',
      },
    ]);
    const item = result.items[0]!;
    expect(item.kind === 'policy' && item.text).toContain('第二条 企业在境内主板上市的，给予一次性奖励300万元。\n\n第三条');
  });

  it('reports a corrupt DOCX without throwing', async () => {
    const file = await write('corrupt.docx', 'PK\u0003\u0004 not really a zip');
    const result = await importPaths([file]);
    expect(result.items).toEqual([]);
    expect(result.problems).toHaveLength(1);
    expect(result.problems[0]!.message).toMatch(/^not a readable DOCX file: /);
  });
});

describe('PDF', () => {
  it('reads the text layer of a PDF, joining lines the page width broke', async () => {
    const pdf = await PDFDocument.create();
    const font = await pdf.embedFont(StandardFonts.Helvetica);
    const page = pdf.addPage();
    const lines = ['Service Guide', 'Companies registered in the zone may apply for the', 'research subsidy online.', 'Published 2024-03-05'];
    lines.forEach((text, i) => page.drawText(text, { x: 50, y: 700 - i * 24, size: 12, font }));
    const file = await write('guide-en.pdf', await pdf.save());
    const result = await importPaths([file]);
    expect(result.problems).toEqual([]);
    expect(result.items).toMatchObject([
      {
        kind: 'article',
        id: 'guide-en',
        title: 'Service Guide',
        date: '2024-03-05',
        text: 'Service Guide\n\nCompanies registered in the zone may apply for the research subsidy online.\n\nPublished 2024-03-05',
      },
    ]);
  });

  it('reads the committed Chinese policy PDF: title wrapped over two lines, page break mid-sentence', async () => {
    const file = join(tmp.dir, 'policy-zh.pdf');
    await copyFile(join(FIXTURES, 'policy-zh.pdf'), file);
    const result = await importPaths([file]);
    expect(result.problems).toEqual([]);
    expect(result.items).toMatchObject([
      {
        kind: 'policy',
        id: 'policy-zh',
        title: '关于印发《示范高新区科技型中小企业研发费用补助办法》的通知',
        docNumber: '示高管发〔2024〕12号',
        issuer: '示范高新区管理委员会',
        issueDate: '2024-03-05',
        effectiveDate: '2024-04-01',
        expiryDate: '2026-12-31',
      },
    ]);
    const item = result.items[0]!;
    const text = item.kind === 'policy' ? item.text : '';
    expect(text).toContain('请认真贯彻执行。');
    expect(text).toContain('研发费用专项审计报告和营业执照复印件。');
  });

  const CJK_FONT = ['/usr/share/fonts/truetype/droid/DroidSansFallbackFull.ttf', '/usr/share/fonts-droid-fallback/truetype/DroidSansFallback.ttf'].find(existsSync);

  it.skipIf(!CJK_FONT)('reads a Chinese PDF generated with an embedded CJK font', async () => {
    const pdf = await PDFDocument.create();
    pdf.registerFontkit(fontkit);
    const font = await pdf.embedFont(await readFile(CJK_FONT!), { subset: true });
    const page = pdf.addPage();
    // This font has no Latin glyphs, so the text is all Chinese.
    ['关于做好企业开办服务的通知', '各有关单位：为进一步优化营商环境，现就', '做好企业开办服务有关事项通知如下。'].forEach((text, i) =>
      page.drawText(text, { x: 50, y: 700 - i * 24, size: 14, font }),
    );
    const file = await write('kaiban.pdf', await pdf.save());
    const result = await importPaths([file]);
    expect(result.problems).toEqual([]);
    expect(result.items).toMatchObject([{ kind: 'policy', title: '关于做好企业开办服务的通知' }]);
    const item = result.items[0]!;
    expect(item.kind === 'policy' && item.text).toBe('关于做好企业开办服务的通知\n\n各有关单位：为进一步优化营商环境，现就做好企业开办服务有关事项通知如下。');
  });

  it('reports a corrupt PDF without throwing', async () => {
    const file = await write('corrupt.pdf', '%PDF-1.7\nthis is not a pdf body');
    const result = await importPaths([file]);
    expect(result.items).toEqual([]);
    expect(result.problems).toHaveLength(1);
    expect(result.problems[0]!.message).toMatch(/^not a readable PDF file: /);
  });
});

describe('HTML', () => {
  it('keeps the article, drops navigation, scripts, header and footer, and reads page metadata', async () => {
    const html = `<!doctype html><html><head>
      <title>关于开展2024年度研发补助申报的通知_示范高新区管委会</title>
      <script>var tracking = "统计代码";</script><style>.nav { color: red }</style>
      </head><body>
      <header><h1>示范高新区管委会门户网站</h1></header>
      <nav><ul><li>首页</li><li>政务公开</li><li>办事服务</li></ul></nav>
      <div class="breadcrumb">首页 &gt; 通知公告</div>
      <table class="meta"><tr><td>发文机关：示范高新区管理委员会</td><td>发文字号：示高管发〔2024〕9号</td><td>成文日期：2024年03月05日</td></tr></table>
      <article>
        <h1>关于开展2024年度研发补助
            申报的通知</h1>
        <p>各有关企业：</p>
        <p>为鼓励企业加大研发投入，现将2024年度研发补助申报有关事项通知如下。</p>
        <p>一、申报条件<br>在高新区注册的科技型中小企业。</p>
        <table><tr><th>材料</th><th>份数</th></tr><tr><td>申请表</td><td>1</td></tr></table>
        <div class="share">分享到：微信 微博</div>
      </article>
      <aside>热点新闻：高新区获评优秀园区</aside>
      <footer>版权所有 示范高新区管委会 备案号</footer>
      </body></html>`;
    const file = await write('notice-2024.html', html);
    const result = await importPaths([file]);
    expect(result.problems).toEqual([]);
    expect(result.items).toMatchObject([
      {
        kind: 'policy',
        id: 'notice-2024',
        title: '关于开展2024年度研发补助申报的通知',
        issuer: '示范高新区管理委员会',
        docNumber: '示高管发〔2024〕9号',
        issueDate: '2024-03-05',
      },
    ]);
    const item = result.items[0]!;
    const text = item.kind === 'policy' ? item.text : '';
    expect(text.split('\n\n')).toEqual([
      '关于开展2024年度研发补助申报的通知',
      '各有关企业：',
      '为鼓励企业加大研发投入，现将2024年度研发补助申报有关事项通知如下。',
      '一、申报条件',
      '在高新区注册的科技型中小企业。',
      '| 材料 | 份数 |',
      '| 申请表 | 1 |',
    ]);
    for (const noise of ['统计代码', '首页', '门户网站', '分享到', '热点新闻', '版权所有']) expect(text).not.toContain(noise);
  });

  it('falls back to the page title and the body when there is no article or heading', async () => {
    const file = await write(
      'plain.htm',
      `<html><head><title>高新区上线政务AI数字人 - 科技日报</title></head><body>
        <nav>首页 | 新闻</nav><script>document.write('广告')</script><noscript>请启用脚本</noscript>
        <p>近日，高新区上线政务AI数字人。</p><p>群众可语音
        咨询办事流程。</p>
        <div id="footer-links">友情链接</div><footer>联系我们</footer></body></html>`,
    );
    const result = await importPaths([file]);
    expect(result.items).toMatchObject([
      { kind: 'article', title: '高新区上线政务AI数字人', text: '近日，高新区上线政务AI数字人。\n\n群众可语音咨询办事流程。' },
    ]);
  });
});
