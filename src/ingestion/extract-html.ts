/**
 * @module ingestion/extract-html
 * Reads a saved web page with cheerio: page chrome (scripts, navigation, header, footer) goes,
 * the article or main content is preferred, blocks become paragraphs, and the labelled
 * metadata government sites print (发文机关, 发文字号, 成文日期) is kept as hints.
 */
import type * as cheerio from 'cheerio';
import { parseDate } from './dates.js';
import { readText } from './decode.js';
import { documentOutcome, type DocumentHints } from './document.js';
import { detectDocNumber, detectIssuer } from './detect.js';
import type { Reader } from './reader.js';

/** cheerio (undici with it), imported on first use rather than at start: it takes ~0.17 s to load (start-up time). */
const loadCheerio = () => import('cheerio');

/** The part of a DOM node this module reads; cheerio's nodes have these fields. */
interface DomNode {
  type: string;
  name?: string;
  data?: string;
  children?: DomNode[];
}

const NOISE =
  'script, style, noscript, template, iframe, svg, canvas, form, button, select, input, textarea, nav, aside, [role=navigation], [role=banner], [role=contentinfo], [aria-hidden=true]';
/** Class or id words of page chrome on common CMS templates. */
const CHROME = /(?:^|[\s_-])(?:nav|navbar|menu|breadcrumbs?|crumbs?|footer|sidebar|share|bdsharebuttonbox|toolbar|copyright|banner|advert|ads)(?:$|[\s_-])/i;
/** Content containers, best first: semantic markup, then the editors of Chinese government CMSs. */
const CONTENT = ['article', 'main', '[role=main]', '#UCAP-CONTENT', '.TRS_Editor', '.pages_content', '#zoom', '.article-content', '.article', '#content', '.content'];

const BLOCK = new Set([
  'address', 'article', 'blockquote', 'dd', 'div', 'dl', 'dt', 'figcaption', 'figure', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6',
  'hr', 'li', 'main', 'ol', 'p', 'pre', 'section', 'table', 'tbody', 'thead', 'tfoot', 'ul', 'center',
]);

export const readHtml: Reader = async (file, options) => {
  const { text, hints } = await extractHtml(await readText(file, options));
  return documentOutcome(file, text, options, hints);
};

export async function extractHtml(html: string): Promise<{ text: string; hints: DocumentHints }> {
  const { load } = await loadCheerio();
  const $ = load(html);
  const pageTitleText = meta($, 'ArticleTitle') || meta($, 'og:title') || pageTitle($('title').first().text());
  $(NOISE).remove();
  // A page's header and footer are chrome; an article's own <header> holds its title.
  $('header, footer')
    .filter((_, el) => $(el).closest('article, main').length === 0)
    .remove();
  $('[class], [id]').each((_, el) => {
    const words = `${$(el).attr('class') ?? ''} ${$(el).attr('id') ?? ''}`;
    if (CHROME.test(words)) $(el).remove();
  });
  const whole = blockText($('body').get(0) as unknown as DomNode | undefined);
  const root = CONTENT.map((sel) => $(sel).first()).find((el) => el.length > 0 && el.text().trim().length >= 20);
  const text = root ? blockText(root.get(0) as unknown as DomNode) : whole;
  const title = (root ? firstText($, 'h1', root) : '') || firstText($, 'h1') || pageTitleText;
  const labelled = labelledMeta(whole);
  const hints: DocumentHints = {
    title: title || undefined,
    date: labelled.date ?? parseDate(meta($, 'PubDate') ?? meta($, 'article:published_time') ?? ''),
    docNumber: labelled.docNumber,
    issuer: labelled.issuer,
  };
  return { text, hints };
}

function firstText($: cheerio.CheerioAPI, selector: string, within?: ReturnType<cheerio.CheerioAPI>): string {
  const found = within ? within.find(selector) : $(selector);
  return inlineWhitespace(found.first().text()).trim();
}

function meta($: cheerio.CheerioAPI, name: string): string | undefined {
  const value = $(`meta[name="${name}"], meta[property="${name}"]`).attr('content')?.trim();
  return value || undefined;
}

/** `关于…的通知_国务院文件_中国政府网` → the part before the site's name. */
function pageTitle(title: string): string {
  return title.split(/\s*[_|–—]\s*|\s+-\s+/)[0]?.replace(/\s+/g, ' ').trim() ?? '';
}

/** Metadata that government pages print as `标签：值` around the article. */
function labelledMeta(text: string): DocumentHints {
  const window = text.slice(0, 4000);
  const date = /(?:成文日期|发布日期|发文日期)\s*[:：]\s*([^\n]{6,20})/.exec(window)?.[1];
  const docNumber = /(?:发文字号|文号)\s*[:：]/.test(window) ? detectDocNumber(window) : undefined;
  const issuer = /(?:发文机关|发布机构)\s*[:：]/.test(window) ? detectIssuer(window) : undefined;
  return { date: date ? parseDate(date) : undefined, docNumber, issuer };
}

/** Text with one paragraph per block element; tables become `| a | b |` rows. */
function blockText(root: DomNode | undefined): string {
  const lines: string[] = [];
  let line = '';
  const flush = () => {
    if (line.trim()) lines.push(line.trim());
    line = '';
  };
  const walk = (node: DomNode) => {
    if (node.type === 'text') {
      line += inlineWhitespace(node.data ?? '');
      return;
    }
    if (node.type !== 'tag' && node.type !== 'root') return;
    const name = node.name ?? '';
    if (name === 'br') return flush();
    if (name === 'tr' && !hasBlock(node)) {
      flush();
      const cells = (node.children ?? []).filter((c) => c.name === 'td' || c.name === 'th').map(inlineText);
      if (cells.some(Boolean)) lines.push(`| ${cells.join(' | ')} |`);
      return;
    }
    const block = BLOCK.has(name) || name === 'tr' || name === 'td' || name === 'th';
    if (block) flush();
    for (const child of node.children ?? []) walk(child);
    if (block) flush();
  };
  if (root) walk(root);
  flush();
  return lines.join('\n\n');
}

/** Layout tables hold whole articles in their cells; only rows of plain cells are data. */
function hasBlock(node: DomNode): boolean {
  return (node.children ?? []).some((c) => (c.name !== undefined && BLOCK.has(c.name)) || hasBlock(c));
}

/**
 * Source line breaks inside a paragraph are formatting: between Chinese characters they vanish
 * (CSS segment-break rules), elsewhere they are one space.
 */
function inlineWhitespace(text: string): string {
  return text.replace(/(?<=\p{Script=Han})[^\S\n]*\n\s*(?=\p{Script=Han})/gu, '').replace(/\s+/g, ' ');
}

function inlineText(node: DomNode): string {
  if (node.type === 'text') return inlineWhitespace(node.data ?? '').trim();
  return (node.children ?? []).map(inlineText).filter(Boolean).join(' ');
}
