/**
 * @module directory/filter
 * The portal's and the chat's filters over directory entries: kind, type, zone, and the figures
 * of space (area ≥/≤, rent ≤, floor load ≥, vacant only) and funds (an amount they reach).
 */
import { inRange } from './constraints.js';
import type { DirectoryEntry, DirectoryKind } from './model.js';

export interface DirectoryFilter {
  kind?: DirectoryKind;
  /** The type, or a part of it (`知识产权` finds 知识产权代理). */
  type?: string;
  /** Part of the district or the address (东区, 光谷). */
  district?: string;
  /** m² */
  areaMin?: number;
  areaMax?: number;
  /** 元/m²/月 */
  rentMax?: number;
  /** kN/m² */
  loadMin?: number;
  /** Only space still to let. */
  vacantOnly?: boolean;
  /** 万元: a fund whose upper amount reaches this (or says none). */
  amountMin?: number;
  /** Free text, searched with the Chinese analyzer (directory/search). */
  q?: string;
}

export function matchesFilter(entry: DirectoryEntry, filter: DirectoryFilter): boolean {
  if (filter.kind && entry.kind !== filter.kind) return false;
  if (filter.type && !entry.type.includes(filter.type) && !(entry.kind === 'service' && entry.services?.some((s) => s.includes(filter.type!)))) return false;
  if (filter.district && !`${entry.district ?? ''}${entry.address ?? ''}`.includes(filter.district)) return false;
  const wantsSpace = filter.areaMin !== undefined || filter.areaMax !== undefined || filter.rentMax !== undefined || filter.loadMin !== undefined || filter.vacantOnly;
  if (wantsSpace) {
    if (entry.kind !== 'space') return false;
    if (!inRange(entry.areaM2, { min: filter.areaMin, max: filter.areaMax })) return false;
    if (filter.rentMax !== undefined && !inRange(entry.rentYuanM2Month, { max: filter.rentMax })) return false;
    if (filter.loadMin !== undefined && !inRange(entry.floorLoadKnM2, { min: filter.loadMin })) return false;
    if (filter.vacantOnly && !entry.vacant) return false;
  }
  if (filter.amountMin !== undefined) {
    if (entry.kind !== 'fund') return false;
    if (entry.amountMax !== undefined && entry.amountMax < filter.amountMin) return false;
  }
  return true;
}

/** The words of an entry that free text is searched in. */
export function searchableText(entry: DirectoryEntry): string {
  const parts: (string | undefined)[] = [entry.name, entry.type, entry.summary, entry.district, entry.address, ...(entry.tags ?? [])];
  switch (entry.kind) {
    case 'government':
      parts.push(entry.department, ...(entry.handles ?? []));
      break;
    case 'fund':
      parts.push(entry.provider, entry.rate, ...(entry.conditions ?? []));
      break;
    case 'service':
      parts.push(...(entry.services ?? []), ...(entry.qualifications ?? []));
      break;
    case 'market':
      parts.push(entry.enterpriseName, entry.quantity);
      break;
    case 'talent':
      parts.push(entry.employer, ...(entry.requirements ?? []), ...(entry.support ?? []));
      break;
    case 'space':
      parts.push(entry.building, entry.unit);
      break;
  }
  return parts.filter(Boolean).join('\n');
}
