/**
 * @module directory/present
 * An entry as people read it: its key facts as labelled lines (面积 1200 m², 租金 22元/m²/月 …),
 * for the chat card, the portal's list and the chat's text alike.
 */
import { DIRECTORY_KIND_LABELS, type DirectoryEntry, type DirectoryKind } from './model.js';

export interface DirectoryFact {
  label: string;
  value: string;
}

/** An entry in an answer (`Answer.directory`) and in the portal's list. */
export interface DirectoryCard {
  id: string;
  kind: DirectoryKind;
  /** 找厂房, 找服务 … */
  kindLabel: string;
  name: string;
  type: string;
  summary?: string;
  facts: DirectoryFact[];
  /** Knowledge-base items to read with it (找政策). */
  policyIds?: string[];
}

const money = (wan: number) => (wan >= 10000 ? `${wan / 10000}亿元` : `${wan}万元`);

function amountRange(min?: number, max?: number): string | undefined {
  if (min !== undefined && max !== undefined) return min === max ? money(max) : `${money(min)}–${money(max)}`;
  if (max !== undefined) return `最高${money(max)}`;
  if (min !== undefined) return `${money(min)}起`;
  return undefined;
}

export function factsOf(entry: DirectoryEntry): DirectoryFact[] {
  const facts: [string, string | undefined][] = [];
  switch (entry.kind) {
    case 'government':
      facts.push(['所属部门', entry.department], ['地址', entry.address], ['办公时间', entry.hours], ['电话', entry.phone], ['受理事项', entry.handles?.join('、')]);
      break;
    case 'fund':
      facts.push(['金额', amountRange(entry.amountMin, entry.amountMax)], ['利率/贴息', entry.rate], ['条件', entry.conditions?.join('；')], ['承办机构', entry.provider]);
      break;
    case 'service':
      facts.push(['服务内容', entry.services?.join('、')], ['资质', entry.qualifications?.join('、')], ['地址', entry.address]);
      break;
    case 'market':
      facts.push(['方向', entry.direction === 'supply' ? '供应' : '需求'], ['发布企业', entry.enterpriseName], ['数量', entry.quantity], ['有效期至', entry.expiresOn]);
      break;
    case 'talent':
      facts.push(
        ['用人单位', entry.employer],
        ['月薪', entry.salaryMin !== undefined || entry.salaryMax !== undefined ? `${entry.salaryMin ?? ''}${entry.salaryMax !== undefined ? `–${entry.salaryMax}` : '起'}元` : undefined],
        ['人数', entry.positions !== undefined ? `${entry.positions}人` : undefined],
        ['要求', entry.requirements?.join('；')],
        ['支持', entry.support?.join('；')],
        ['截止', entry.expiresOn],
      );
      break;
    case 'space':
      facts.push(
        ['位置', [entry.district, entry.building, entry.unit].filter(Boolean).join(' ')],
        ['面积', `${entry.areaM2} m²`],
        ['楼层', entry.floor !== undefined ? `${entry.floor}层` : undefined],
        ['承重', entry.floorLoadKnM2 !== undefined ? `${entry.floorLoadKnM2} kN/m²` : undefined],
        ['层高', entry.heightM !== undefined ? `${entry.heightM} m` : undefined],
        ['租金', entry.rentYuanM2Month !== undefined ? `${entry.rentYuanM2Month}元/m²/月` : undefined],
        ['状态', entry.vacant ? '空置可租' : '已出租'],
      );
      break;
  }
  const contact = entry.contact ? [entry.contact.name, entry.contact.phone, entry.contact.email].filter(Boolean).join(' ') : undefined;
  facts.push(['联系', contact || undefined]);
  if (entry.kind !== 'government' && entry.kind !== 'space' && entry.kind !== 'service') facts.push(['地址', entry.address]);
  return facts.filter((f): f is [string, string] => Boolean(f[1])).map(([label, value]) => ({ label, value }));
}

export function cardOf(entry: DirectoryEntry): DirectoryCard {
  return {
    id: entry.id,
    kind: entry.kind,
    kindLabel: DIRECTORY_KIND_LABELS[entry.kind],
    name: entry.name,
    type: entry.type,
    ...(entry.summary ? { summary: entry.summary } : {}),
    facts: factsOf(entry),
    ...(entry.policyIds?.length ? { policyIds: entry.policyIds } : {}),
  };
}
