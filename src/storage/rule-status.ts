/**
 * @module storage/rule-status
 * A rule version's status in the back office's words: the store's refusals and the web app's
 * badges say the same. Only a type is imported, so the web app can bundle this file.
 */
import type { RuleVersionStatus } from './rule-versions.js';

export const RULE_STATUS_TEXT: Readonly<Record<RuleVersionStatus, string>> = {
  draft: '草稿',
  in_review: '待审核',
  published: '已发布',
  rejected: '已退回',
  superseded: '已被新稿替代',
  retired: '已停用',
};
