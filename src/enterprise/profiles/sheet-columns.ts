/**
 * @module enterprise/profiles/sheet-columns
 * The columns of a profile sheet (XLSX import and export), one row per enterprise: the credit
 * code, the name, then a column per fact headed by its Chinese name — `职工总数`,
 * `2023年销售（营业）收入`, `发明专利（含国防专利）数量` — or by its key (`employees`,
 * `revenue.2023`, `ip.inventionPatents`). The lists (qualifications, honours, incidents) have
 * too many parts for a cell and are entered in the portal.
 */
import { IP_TYPES, PROFILE_FIELDS, factLabel, type FactKey, type Unit } from '../profile-fields.js';
import type { IpType } from '../profile.js';

export const CREDIT_CODE_HEADER = '统一社会信用代码';
export const NAME_HEADER = '企业名称';
export const STATUS_HEADER = '状态';

export type Column =
  | { kind: 'creditCode' }
  | { kind: 'name' }
  /** Read by people, ignored when imported. */
  | { kind: 'ignored' }
  | { kind: 'fact'; key: string; unit: Unit };

const SCALAR_KEYS = (Object.keys(PROFILE_FIELDS) as FactKey[]).filter((k) => k !== 'creditCode' && !PROFILE_FIELDS[k].yearly);
const YEARLY_KEYS = (Object.keys(PROFILE_FIELDS) as FactKey[]).filter((k) => PROFILE_FIELDS[k].yearly);
const IP_KEYS = Object.keys(IP_TYPES) as IpType[];

const normal = (s: string) => s.replace(/\s+/g, '').replace(/\(/g, '（').replace(/\)/g, '）');

/** Header text (normalised) → column, for every fact that is not by year. */
const FIXED = new Map<string, Column>([
  [normal(CREDIT_CODE_HEADER), { kind: 'creditCode' }],
  ['creditCode', { kind: 'creditCode' }],
  [normal(NAME_HEADER), { kind: 'name' }],
  ['name', { kind: 'name' }],
  [normal(STATUS_HEADER), { kind: 'ignored' }],
  ...SCALAR_KEYS.flatMap((key): [string, Column][] => {
    const column: Column = { kind: 'fact', key, unit: PROFILE_FIELDS[key].unit };
    return [[normal(PROFILE_FIELDS[key].label), column], [key, column]];
  }),
  ...IP_KEYS.flatMap((type): [string, Column][] => {
    const column: Column = { kind: 'fact', key: `ip.${type}`, unit: 'items' };
    return [[normal(factLabel(`ip.${type}`)), column], [`ip.${type}`, column]];
  }),
]);

const YEARLY_BY_LABEL = new Map(YEARLY_KEYS.flatMap((key) => [[normal(PROFILE_FIELDS[key].label), key] as const, [key, key] as const]));

/** The column a header names, or undefined when it names nothing known. */
export function columnOf(header: string): Column | undefined {
  const text = normal(header);
  if (!text) return undefined;
  const fixed = FIXED.get(text);
  if (fixed) return fixed;
  // `2023年销售（营业）收入`, `销售（营业）收入2023`, `revenue.2023`
  const prefixed = /^(\d{4})年(.+)$/.exec(text);
  const suffixed = /^(.+?)\.?(\d{4})年?$/.exec(text);
  const [y, label] = prefixed ? [prefixed[1]!, prefixed[2]!] : suffixed ? [suffixed[2]!, suffixed[1]!] : [];
  if (!y || !label) return undefined;
  const key = YEARLY_BY_LABEL.get(label);
  if (!key) return undefined;
  return { kind: 'fact', key: `${key}.${y}`, unit: PROFILE_FIELDS[key].unit };
}

/** The export's fact columns: every fact not by year, then each yearly fact for each of `years`. */
export function exportColumns(years: readonly string[]): { header: string; key: string; unit: Unit }[] {
  return [
    ...SCALAR_KEYS.map((key) => ({ header: PROFILE_FIELDS[key].label, key, unit: PROFILE_FIELDS[key].unit })),
    ...IP_KEYS.map((type) => ({ header: factLabel(`ip.${type}`), key: `ip.${type}`, unit: 'items' as Unit })),
    ...YEARLY_KEYS.flatMap((key) => years.map((year) => ({ header: `${year}年${PROFILE_FIELDS[key].label}`, key: `${key}.${year}`, unit: PROFILE_FIELDS[key].unit }))),
  ];
}

/** Column letters as Excel shows them: 1 → A, 27 → AA. */
export function columnLetter(n: number): string {
  let s = '';
  for (let i = n; i > 0; i = Math.floor((i - 1) / 26)) s = String.fromCharCode(65 + ((i - 1) % 26)) + s;
  return s;
}
