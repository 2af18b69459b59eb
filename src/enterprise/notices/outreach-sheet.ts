/**
 * @module enterprise/notices/outreach-sheet
 * The outreach list of one rule as an Excel workbook for the zone's staff to work through: a
 * sheet per group — 符合 (with the benefit), 可能符合 (with the facts missing), 不符合 (with the
 * conditions not met) — each row with the latest notice and how each channel went, and a first
 * sheet 说明 saying which rule, as of when, and the counts.
 */
import { loadExcelJs } from '../../ingestion/xlsx-workbook.js';
import type { Delivery } from '../../storage/index.js';
import type { OutreachRow, OutreachView } from './outreach.js';

export const OUTREACH_SHEETS = { fit: '符合', mightFit: '可能符合（缺信息）', notFit: '不符合' } as const;
const DETAIL_HEADERS = { fit: '可享受', mightFit: '还缺的信息', notFit: '不满足的条件' } as const;
const CHANNELS = [
  ['inbox', '站内'],
  ['webhook', 'Webhook'],
  ['email', '邮件'],
] as const;
const STATUS_LABELS: Record<Delivery['status'], string> = { pending: '待发送', delivered: '已送达', failed: '失败' };

/** The latest notice's state on one channel: 已送达 / 失败（次数）：error / 待发送, or empty when not sent that way. */
function channelCell(row: OutreachRow, channel: Delivery['channel']): string {
  const delivery = row.notices[0]?.deliveries.find((d) => d.channel === channel);
  if (!delivery) return '';
  const tries = delivery.attempts > 1 ? `（${delivery.attempts}次）` : '';
  return `${STATUS_LABELS[delivery.status]}${tries}${delivery.lastError ? `：${delivery.lastError}` : ''}`;
}

/** The group's own column: the benefit, the missing facts, or the failing conditions, one per line. */
function detailCell(group: keyof typeof OUTREACH_SHEETS, row: OutreachRow): string {
  if (group === 'fit') return row.benefit ?? '';
  if (group === 'mightFit') return row.missingFactLabels.join('\n');
  return row.reasons.join('\n');
}

export async function outreachWorkbook(view: OutreachView): Promise<Buffer> {
  const ExcelJS = await loadExcelJs();
  const workbook = new ExcelJS.Workbook();
  const about = workbook.addWorksheet('说明');
  const { rule, counts } = view;
  for (const line of [
    ['政策或资质', rule.name],
    ['规则编号', rule.id],
    ['按画像评估日期', rule.asOf],
    ['是否在有效期内', rule.inForce ? '是' : '否'],
    ['符合（家）', counts.fit],
    ['可能符合，缺信息（家）', counts.mightFit],
    ['不符合（家）', counts.notFit],
    ['已通知（家）', counts.notified],
    ['关闭通知（家）', counts.noticesOff],
    ['送达失败（次）', counts.deliveryFailures],
  ]) {
    about.addRow(line);
  }
  about.getColumn(1).width = 24;
  about.getColumn(2).width = 40;

  for (const group of ['fit', 'mightFit', 'notFit'] as const) {
    const sheet = workbook.addWorksheet(OUTREACH_SHEETS[group]);
    sheet.addRow(['企业名称', '统一社会信用代码', DETAIL_HEADERS[group], '通知', '最近通知时间（UTC）', '是否已读', ...CHANNELS.map(([, label]) => label)]).font = { bold: true };
    for (const row of view[group]) {
      const latest = row.notices[0];
      sheet.addRow([
        row.enterprise.name,
        row.enterprise.creditCode,
        detailCell(group, row),
        row.noticesOff ? '企业已关闭通知' : latest ? '已通知' : '未通知',
        latest?.createdAt ?? '',
        latest ? (latest.readAt ? '已读' : '未读') : '',
        ...CHANNELS.map(([channel]) => channelCell(row, channel)),
      ]);
    }
    sheet.getColumn(1).width = 30;
    // Text, so that Excel shows an 18-character code as written.
    sheet.getColumn(2).numFmt = '@';
    sheet.getColumn(2).width = 22;
    sheet.getColumn(3).width = 50;
    sheet.getColumn(3).alignment = { wrapText: true, vertical: 'top' };
    for (const column of [5, 7, 8, 9]) sheet.getColumn(column).width = 18;
    sheet.views = [{ state: 'frozen', ySplit: 1 }];
  }
  // exceljs's types predate Buffer's type parameter.
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
