/**
 * @module enterprise/notices/outreach
 * The zone's outreach list for one rule: every active enterprise evaluated now, in three groups —
 * fits, might fit (with the missing facts), does not fit (with the failing conditions) — and for
 * each, the notices it got for the rule, when, by which channels, and what failed.
 */
import type { Delivery, Notice, Store } from '../../storage/index.js';
import { evaluateRule, rulebookOf, type Verdict } from '../rules/evaluate.js';
import type { Rule } from '../rules/schema.js';
import { activeProfiles } from './profiles.js';
import { currentRuleVersions } from './sweep.js';

export interface OutreachRow {
  enterprise: { id: string; name: string; creditCode: string };
  verdict: Verdict;
  /** the conditions not met or open (for a fit: none) */
  reasons: string[];
  missingFactLabels: string[];
  benefit?: string;
  /** the enterprise turned notices off: none are made for it */
  noticesOff: boolean;
  notices: Array<Pick<Notice, 'id' | 'verdict' | 'ruleVersion' | 'title' | 'createdAt' | 'readAt'> & { deliveries: Delivery[] }>;
}

export interface OutreachView {
  rule: { id: string; name: string; level: string; kind: string; version?: string; inForce: boolean; asOf: string };
  fit: OutreachRow[];
  mightFit: OutreachRow[];
  notFit: OutreachRow[];
  counts: { fit: number; mightFit: number; notFit: number; noticesOff: number; notified: number; deliveryFailures: number };
}

export async function outreachFor(store: Store, rules: readonly Rule[], ruleId: string, asOf: string): Promise<OutreachView | undefined> {
  const rule = rules.find((r) => r.id === ruleId);
  if (!rule) return undefined;
  const rulebook = rulebookOf(rules);
  const version = (await currentRuleVersions(store, [rule], asOf))[0]?.version;
  const [profiled, settings, notices] = [await activeProfiles(store), await store.notices.allSettings(), await store.notices.forRule(ruleId)];
  const view: OutreachView = {
    rule: { id: rule.id, name: rule.name, level: rule.level, kind: rule.kind, ...(version ? { version } : {}), inForce: version !== undefined, asOf },
    fit: [],
    mightFit: [],
    notFit: [],
    counts: { fit: 0, mightFit: 0, notFit: 0, noticesOff: 0, notified: 0, deliveryFailures: 0 },
  };
  for (const { enterprise, profile } of profiled) {
    const result = evaluateRule(rule, profile, asOf, rulebook);
    const own = (notices.get(enterprise.id) ?? []).reverse();
    const row: OutreachRow = {
      enterprise: { id: enterprise.id, name: enterprise.name, creditCode: enterprise.creditCode },
      verdict: result.verdict,
      reasons: result.reasons,
      missingFactLabels: result.missingFactLabels,
      ...(result.benefit ? { benefit: result.benefit.amountText ?? result.benefit.text } : {}),
      noticesOff: settings.get(enterprise.id)?.noticesOff ?? false,
      notices: own.map((n) => ({ id: n.id, verdict: n.verdict, ruleVersion: n.ruleVersion, title: n.title, createdAt: n.createdAt, ...(n.readAt ? { readAt: n.readAt } : {}), deliveries: n.deliveries })),
    };
    if (row.noticesOff) view.counts.noticesOff++;
    if (own.length) view.counts.notified++;
    view.counts.deliveryFailures += own.flatMap((n) => n.deliveries).filter((d) => d.status === 'failed').length;
    const group = result.verdict === 'eligible' ? view.fit : result.verdict === 'missing-facts' ? view.mightFit : view.notFit;
    group.push(row);
  }
  // Closest first among those that might fit; by name otherwise.
  view.mightFit.sort((a, b) => a.missingFactLabels.length - b.missingFactLabels.length || a.enterprise.name.localeCompare(b.enterprise.name, 'zh'));
  for (const group of [view.fit, view.notFit]) group.sort((a, b) => a.enterprise.name.localeCompare(b.enterprise.name, 'zh'));
  view.counts.fit = view.fit.length;
  view.counts.mightFit = view.mightFit.length;
  view.counts.notFit = view.notFit.length;
  return view;
}

const GROUP_LABELS = { fit: '符合', mightFit: '可能符合（缺信息）', notFit: '不符合' } as const;
const CHANNEL_LABELS: Record<string, string> = { inbox: '站内', webhook: 'Webhook', email: '邮件' };
const STATUS_LABELS: Record<string, string> = { pending: '待发送', delivered: '已送达', failed: '失败' };

/** The list as CSV (UTF-8 with a BOM, so that Excel reads the Chinese); cells that look like formulas are defused. */
export function outreachCsv(view: OutreachView): string {
  const cell = (value: string) => {
    const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
    return /[",\n\r]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
  };
  const lines = [['分组', '企业名称', '统一社会信用代码', '原因或缺少的信息', '可享受', '通知关闭', '最近通知时间', '通知渠道及状态'].map(cell).join(',')];
  for (const group of ['fit', 'mightFit', 'notFit'] as const) {
    for (const row of view[group]) {
      const latest = row.notices[0];
      lines.push(
        [
          GROUP_LABELS[group],
          row.enterprise.name,
          row.enterprise.creditCode,
          group === 'mightFit' ? `缺：${row.missingFactLabels.join('、')}` : row.reasons.join('；'),
          row.benefit ?? '',
          row.noticesOff ? '是' : '否',
          latest?.createdAt ?? '',
          latest ? latest.deliveries.map((d) => `${CHANNEL_LABELS[d.channel]}:${STATUS_LABELS[d.status]}${d.lastError ? `（${d.lastError}）` : ''}`).join('；') : '',
        ]
          .map(cell)
          .join(','),
      );
    }
  }
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}
