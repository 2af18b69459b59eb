/**
 * @module ingestion/guide-text
 * Recognises a service guide (办事指南) in a document's text and structures it into the guide's
 * fields. Hand-written: no library reads Chinese guides, and the layouts zones use are few
 * enough to name (see split.ts); the words are in labels.ts, one table.
 *
 * @example
 *   recogniseGuide('【受理条件】…\n【申请材料】1. 身份证，原件1份\n【办理地点】A区3号窗口\n…')
 *   // → { fields: { conditions: [...], materials: [{ name: '身份证', form: '原件', copies: 1 }], place: 'A区3号窗口' }, recognised: [...] }
 */
import { GUIDE_FIELDS, type GuideField } from '../../knowledge/content.js';
import { CORE_TARGETS } from './labels.js';
import { splitGuide } from './split.js';
import { structureSections, type GuideFields } from './structure.js';

export interface RecognisedGuide {
  /** The page's title, breadcrumbs and publication line removed; else the 事项名称. */
  title?: string;
  fields: GuideFields;
  /** The guide fields found, in print order (for the import preview). */
  recognised: GuideField[];
}

/** A guide prints at least this many of the sections only guides have (conditions, materials, place …). */
const MIN_CORE_SECTIONS = 4;

/** The guide in `text`, or undefined when the text is not one (a policy, news, prose). */
export function recogniseGuide(text: string): RecognisedGuide | undefined {
  const { head, sections } = splitGuide(text.replace(/\r\n?/g, '\n'));
  const core = new Set(sections.filter((s) => CORE_TARGETS.has(s.target) && s.lines.length).map((s) => s.target));
  if (core.size < MIN_CORE_SECTIONS) return undefined;
  const { name, ...fields } = structureSections(sections);
  const title = pageTitle(head) ?? name;
  const recognised = GUIDE_FIELDS.filter((f) => hasField(fields, f));
  return { title, fields, recognised };
}

/** Breadcrumbs, 发布时间/来源 lines, dates and print links are not the title. */
function pageTitle(head: string[]): string | undefined {
  const title = head.find(
    (l) =>
      !/[>＞»]|^(?:首页|当前位置|您的位置)/.test(l) &&
      !/(?:发布|更新|发表)(?:时间|日期|单位|机构)|来源[:：]|浏览|访问量|字号|^\d{4}[-/.年]/.test(l) &&
      // A byline: who published it and when (`XX政务服务中心 2025-01-09`).
      !/\d{4}\s*[-/.年]\s*\d{1,2}\s*[-/.月]\s*\d{1,2}\s*日?$/.test(l),
  );
  return title?.replace(/\s+/g, ' ').trim() || undefined;
}

function hasField(fields: GuideFields, field: GuideField): boolean {
  if (field === 'timeLimit') return Boolean(fields.statutoryTimeLimit || fields.promisedTimeLimit);
  const value = fields[field as keyof GuideFields];
  return Array.isArray(value) ? value.length > 0 : Boolean(value);
}

export type { GuideFields } from './structure.js';
