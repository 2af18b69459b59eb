/**
 * @module enterprise/notices/rule-version
 * The version of a rule for notices: a hash of the rule as loaded and of its guide item's content.
 * A changed threshold, amount or period — or a republished guide — is a new version, which
 * notifies the enterprises it fits again; the same rule loaded again is the same version.
 */
import { createHash } from 'node:crypto';
import type { Rule } from '../rules/schema.js';

/** 16 hex digits: unique enough for the versions of one rule, short enough to read in a log. */
export function ruleVersion(rule: Rule, guideHash: string | undefined): string {
  return createHash('sha256')
    .update(JSON.stringify(rule))
    .update('\0')
    .update(guideHash ?? '-')
    .digest('hex')
    .slice(0, 16);
}
