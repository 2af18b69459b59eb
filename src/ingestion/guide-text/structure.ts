/**
 * @module ingestion/guide-text/structure
 * Turns the sections of a guide into the guide's fields: lists for conditions, steps and legal
 * bases, materials with form and copies, the statutory and promised time limits apart, and
 * everything no field takes into the notes under its own heading.
 */
import type { Guide } from '../../knowledge/index.js';
import { readList, splitEntries, tidy } from './lists.js';
import { readMaterials } from './materials.js';
import type { Section } from './split.js';

/** The guide fields a text gave, as an item record (kind, id, title and source are the caller's). */
export type GuideFields = Partial<Omit<Guide, 'kind' | 'id' | 'title' | 'source'>> & { name?: string };

export function structureSections(sections: Section[]): GuideFields {
  const out: GuideFields = {};
  const notes: string[] = [];
  const addText = (key: TextKey, text: string) => {
    if (text) out[key] = out[key] ? `${out[key]}\n${text}` : text;
  };
  const remark = (label: string, lines: string[]) => {
    if (lines.length) notes.push(`${label}：${lines.join('\n')}`);
  };
  for (const { label, target, lines } of sections) {
    const text = lines.join('\n').trim();
    switch (target) {
      case 'name':
        out.name ??= text;
        break;
      case 'conditions':
      case 'steps': {
        const list = readList(lines, (l) => (/[；;]/.test(l) ? l.split(/[；;]/) : [l]), target === 'conditions');
        out[target] = [...(out[target] ?? []), ...list.entries];
        remark(label, list.remarks);
        break;
      }
      case 'materials': {
        const read = readMaterials(lines);
        out.materials = [...(out.materials ?? []), ...read.materials];
        remark(label, read.remarks);
        break;
      }
      case 'legalBasis':
        out.legalBasis = [...(out.legalBasis ?? []), ...readList(lines, splitEntries).entries, ...readList(lines).remarks];
        break;
      case 'timeLimit':
        timeLimits(text, out);
        break;
      case 'statutoryTimeLimit':
      case 'promisedTimeLimit':
        out[target] ??= text || undefined;
        break;
      case 'fee':
        addText('fee', /^(?:否|无|免费)$/.test(text) ? '不收费' : text);
        break;
      case 'address':
        if (text) out.place = out.place ? `${out.place}（地址：${text}）` : text;
        break;
      case 'hoursOrPeriod':
        // 受理时间 is the window's hours on most guides and the yearly window on subsidy items.
        addText(/周[一二三四五六日]|工作日|[上下]午|\d{1,2}[:：]\d{2}/.test(text) ? 'hours' : 'applicationPeriod', text);
        break;
      case 'notes':
        if (text) notes.push(label === '温馨提示' ? text : `${label}：${text}`);
        break;
      case 'other':
        remark(label, lines);
        break;
      default:
        addText(target, text);
    }
  }
  if (notes.length) out.notes = notes.join('\n');
  return out;
}

type TextKey = 'itemType' | 'servedParty' | 'fee' | 'place' | 'hours' | 'phone' | 'onlineUrl' | 'department' | 'subsidy' | 'applicationPeriod' | 'visits' | 'result' | 'complaintPhone';

/** `办理时限` may hold both limits (`法定时限：20个工作日；承诺时限：5个工作日`) or one of them. */
function timeLimits(text: string, out: GuideFields): void {
  if (!text) return;
  const statutory = /法定(?:办结|办理)?(?:时限|期限)?\s*[:：为]?\s*([^；;\n]+)/u.exec(text)?.[1];
  const promised = /承诺(?:办结|办理)?(?:时限|期限)?\s*[:：为]?\s*([^；;\n]+)/u.exec(text)?.[1];
  if (statutory) out.statutoryTimeLimit ??= tidy([statutory])[0];
  if (promised) out.promisedTimeLimit ??= tidy([promised])[0];
  if (!statutory && !promised) out.promisedTimeLimit ??= text;
}
