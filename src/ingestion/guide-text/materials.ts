/**
 * @module ingestion/guide-text/materials
 * Reads a 申请材料 section into materials with their form (原件/复印件 …) and copies, from a
 * text table (序号 材料名称 材料形式 份数 备注), numbered lines (`1. 身份证，原件1份`,
 * `1. 申请书｜原件｜1份｜签字`) or one sentence (`身份证、户口簿`).
 */
import type { Material } from '../../knowledge/index.js';
import { ENTRY_MARKER, readList, splitEntries } from './lists.js';

export interface MaterialsReading {
  materials: Material[];
  remarks: string[];
}

const FORM = /原件(?:及|和|与|、)复印件|原件或复印件|复印件(?:及|和)原件|原件|复印件|扫描件|电子版|电子件|电子材料|影印件|纸质版/u;
const COPIES = /(?:各\s*)?(\d{1,3})\s*(?:份|套|张|本)/u;
const TABLE_CELLS = /\t+|[ \u3000]{2,}|\u3000|\s*[|｜]\s*/u;

export function readMaterials(lines: string[]): MaterialsReading {
  const headerAt = lines.findIndex((l) => /材料名称|名称/.test(l) && l.split(TABLE_CELLS).length >= 2);
  if (headerAt >= 0) return readTable(lines, headerAt);
  const { entries, remarks } = readList(lines, splitEntries);
  return { materials: entries.map(material).filter((m) => m.name !== ''), remarks };
}

/** One entry: the name up to the first comma, colon or bar; form, copies and the rest as notes. */
export function material(entry: string): Material {
  const parts = splitParts(entry);
  const name = tidyName(parts.shift() ?? '');
  const details = parts.join('；');
  const form = FORM.exec(details)?.[0] ?? FORM.exec(entry.slice(name.length))?.[0];
  const copies = COPIES.exec(details)?.[1];
  const notes = parts
    .map((p) => p.replace(FORM, '').replace(COPIES, '').replace(/^[\s，,、；;（(）)]+|[\s，,、；;（(）)]+$/gu, ''))
    .filter((p) => p !== '' && p !== '各')
    .join('，');
  return withoutEmpty({ name, form, copies: copies ? Number(copies) : undefined, notes: notes || undefined });
}

/** Splits at the first level only: commas inside 《…》 or brackets belong to the name. */
function splitParts(entry: string): string[] {
  const bar = entry.split(/\s*[|｜]\s*/u);
  if (bar.length > 1) return bar;
  // Brackets inside the name (`挖掘（占用）位置图`) are part of it; a bracket that states the form
  // (`身份证（原件，核验后退还）`) ends it.
  const m = /^((?:《[^》]*》|[（(][^）)]*[）)]|[^，,：:；;（(])+?)(?:\s*[，,：:；;]\s*|(?=[（(][^）)]*(?:原件|复印件|扫描件|电子|\d\s*份)))(.*)$/u.exec(entry);
  if (!m) return [entry];
  return [m[1]!, ...m[2]!.split(/\s*[，,；;]\s*/u)];
}

/** 序号 材料名称 材料形式 份数 备注: columns found by their header. */
function readTable(lines: string[], headerAt: number): MaterialsReading {
  const header = lines[headerAt]!.split(TABLE_CELLS).map((c) => c.trim()).filter(Boolean);
  const column = (re: RegExp) => header.findIndex((h) => re.test(h));
  const nameCol = column(/名称/);
  const numbered = column(/序号/) === 0;
  const copiesCol = column(/份数|数量/);
  const materials: Material[] = [];
  const remarks = lines.slice(0, headerAt);
  for (const line of lines.slice(headerAt + 1)) {
    const cells = line.replace(/^[|｜]|[|｜]$/g, '').split(TABLE_CELLS).map((c) => c.trim()).filter(Boolean);
    // A row starts with its number when the table numbers its rows; anything else is a remark.
    if (numbered && !/^\d{1,3}$/.test(cells[0] ?? '')) {
      remarks.push(line);
      continue;
    }
    const name = cells[nameCol] ?? cells[numbered ? 1 : 0];
    if (!name) continue;
    const rest = cells.filter((_, i) => i !== nameCol && !(numbered && i === 0));
    const form = rest.find((c) => FORM.test(c));
    // A 份数 column holds a bare number (`1`, `各1`).
    const countCell = copiesCol >= 0 ? cells[copiesCol] : undefined;
    const copies = /^(?:各\s*)?(\d{1,3})\s*(?:份|套|张|本)?$/u.exec(countCell ?? '')?.[1] ?? rest.map((c) => COPIES.exec(c)?.[1]).find(Boolean);
    const notes = rest.filter((c) => c !== form && c !== countCell && !COPIES.test(c)).join('；');
    materials.push(withoutEmpty({ name: tidyName(name), form, copies: copies ? Number(copies) : undefined, notes: notes || undefined }));
  }
  return { materials, remarks };
}

const tidyName = (name: string): string => name.replace(ENTRY_MARKER, '').replace(/[。；;，,]+$/u, '').trim();

function withoutEmpty(m: Material): Material {
  return Object.fromEntries(Object.entries(m).filter(([, v]) => v !== undefined)) as Material;
}
