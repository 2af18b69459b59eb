/**
 * Words and formats of the enterprise screens: status badges, a fact's source, a fact's value as
 * one readable line (lists of qualifications, honours, incidents included).
 */
import type { EnterpriseStatus } from './enterprises-api';

export const STATUS_BADGES: Record<EnterpriseStatus, string> = { pending: 'badge-warn', active: 'badge-green', disabled: 'badge-grey' };

export const SOURCE_LABELS: Record<string, string> = { 'self-declared': '自报', verified: '已核验' };

export const CHANGE_LABELS: Record<string, string> = { set: '填报', verified: '核验', removed: '删除' };

export const LOGIN_LABELS: Record<string, string> = { password: '密码', oidc: '统一身份认证', 'password+oidc': '密码、统一身份认证' };

/** `true` → 是, a list of records → their values joined, anything else as text. */
export function factValue(value: unknown): string {
  if (value === undefined || value === null) return '—';
  if (typeof value === 'boolean') return value ? '是' : '否';
  if (typeof value === 'number') return value.toLocaleString('zh-CN');
  if (Array.isArray(value)) return value.length === 0 ? '（无）' : value.map(factValue).join('；');
  if (typeof value === 'object') {
    return Object.entries(value as Record<string, unknown>)
      .filter(([k, v]) => k !== 'source' && v !== undefined && v !== '')
      .map(([, v]) => factValue(v))
      .join(' ');
  }
  return String(value);
}
