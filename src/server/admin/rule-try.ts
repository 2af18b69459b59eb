/**
 * @module server/admin/rule-try
 * "Test this rule on an enterprise" (在企业上试算), before a change is published: a rule — the YAML
 * being edited, a stored version, or what is published — evaluated on an enterprise's stored
 * profile or on facts typed in, as of a date, with every condition (value, requirement, shortfall,
 * missing facts); and the rule's own test cases run when it carries them. Nothing is stored.
 */
import type { FastifyPluginAsync } from 'fastify';
import { load as loadYaml } from 'js-yaml';
import type { EnterpriseProfile } from '../../enterprise/profile.js';
import { checkProfile } from '../../enterprise/profiles/field-errors.js';
import { checkDraft, MAX_YAML_DEPTH } from '../../enterprise/rule-book/index.js';
import type { DraftRefusal, RuleTryReply } from '../../enterprise/rule-book/contract.js';
import { evaluateRule, rulebookOf } from '../../enterprise/rules/evaluate.js';
import type { RuleVersion } from '../../storage/index.js';
import type { ServerContext } from '../context.js';
import { guideTitles, storedProfile } from '../enterprise/portal-data.js';
import { matchView } from '../../enterprise/portal/matches.js';
import { badRequest, notFound } from '../errors.js';
import { DAY_PATTERN } from '../schemas.js';
import { enterpriseOr404 } from './enterprises.js';
import { guarded } from './guard.js';
import { obj, positiveIntParam, str } from './schemas.js';
import { refusalOf, RULE_BODY_LIMIT, RULE_TEXT_MAX_CHARS, ruleIdParam, versionOr404 } from './rules.js';

/** Facts typed in (YAML or JSON text) are a profile: far smaller than a rule. */
const FACTS_MAX_CHARS = 16 * 1024;

interface TryBody {
  source?: string;
  tests?: string;
  version?: number;
  enterpriseId?: string;
  facts?: string | Record<string, unknown>;
  asOf?: string;
}

export const ruleTryRoutes: FastifyPluginAsync<ServerContext> = async (app, ctx) => {
  app.post<{ Params: { id: string }; Body: TryBody }>(
    '/rules/:id/try',
    {
      bodyLimit: RULE_BODY_LIMIT,
      ...guarded('enterprises:read', {
        summary: 'Try a rule on an enterprise, or on facts typed in, before publishing it',
        description:
          'The rule: `source` (the YAML being edited, checked as a draft is — 400 with `problems` when bad), else stored `version`, else the published one. ' +
          'The profile: `enterpriseId` (its stored profile) or `facts` (a profile as an object, or as YAML/JSON text). `asOf`: the date it is evaluated as of ' +
          "(default the zone's today). The reply's `result` lists every condition with the value, the requirement, the shortfall and the missing facts; " +
          '`cases`: the rule\'s own test cases (`tests`, or the stored version\'s), pass or fail. Nothing is stored.',
        params: { type: 'object', properties: { id: ruleIdParam }, required: ['id'] },
        body: {
          type: 'object',
          properties: {
            source: { type: 'string', minLength: 1, maxLength: RULE_TEXT_MAX_CHARS },
            tests: { type: 'string', maxLength: RULE_TEXT_MAX_CHARS },
            version: positiveIntParam,
            enterpriseId: { type: 'string', minLength: 1, maxLength: 64, pattern: '^[\\w-]+$' },
            facts: { anyOf: [{ type: 'object', additionalProperties: true }, { type: 'string', maxLength: FACTS_MAX_CHARS }] },
            asOf: { type: 'string', pattern: DAY_PATTERN },
          },
          additionalProperties: false,
        },
        response: {
          200: obj({ asOf: str, tried: { type: 'object', additionalProperties: true }, profile: { type: 'object', additionalProperties: true }, result: { type: 'object', additionalProperties: true }, match: { type: 'object', additionalProperties: true }, cases: { type: 'object', additionalProperties: true } }, ['asOf', 'tried', 'profile', 'result']),
          400: obj({ error: str, problems: { type: 'array', items: { type: 'object', additionalProperties: true } } }, ['error']),
          404: obj({ error: str }, ['error']),
        },
      }),
    },
    async (request, reply): Promise<RuleTryReply | DraftRefusal> => {
      const { id } = request.params;
      const body = request.body;
      if ((body.enterpriseId === undefined) === (body.facts === undefined)) throw badRequest('enterpriseId、facts：请选一家企业（enterpriseId），或者填写企业情况（facts），二者选一');
      const stored = body.source === undefined ? await storedVersion(ctx, id, body.version) : undefined;
      const source = body.source ?? stored!.source;
      const tests = body.tests !== undefined ? (body.tests.trim() ? body.tests : undefined) : stored?.tests;
      const published = await ctx.enterprise.rules.rules();
      const checked = checkDraft({ source, tests, ruleId: id }, published);
      if (!checked.ok) return reply.code(400).send(refusalOf(checked.problems));
      const rule = checked.rule;

      let profile: EnterpriseProfile;
      let from: RuleTryReply['profile'];
      if (body.enterpriseId !== undefined) {
        const enterprise = await enterpriseOr404(ctx, body.enterpriseId);
        profile = await storedProfile(ctx, enterprise);
        from = { from: 'enterprise', enterpriseId: enterprise.id, enterpriseName: enterprise.name };
      } else {
        profile = typedProfile(body.facts!);
        from = { from: 'facts' };
      }
      const asOf = body.asOf ?? ctx.today();
      if (!isRealDay(asOf)) throw badRequest(`asOf：${asOf} 不是真实存在的日期`);
      const rulebook = rulebookOf([...published.filter((r) => r.id !== rule.id), rule]);
      const result = evaluateRule(rule, profile, asOf, rulebook);
      return {
        asOf,
        tried: { id: rule.id, name: rule.name, ...(stored ? { version: stored.version } : {}), draft: body.source !== undefined },
        profile: from,
        result,
        match: matchView(result, rule, await guideTitles(ctx)),
        ...(checked.cases ? { cases: checked.cases } : {}),
      };
    },
  );
};

/** 2026-02-30 passes the pattern but is no day (Date.parse rolls it over to March). */
function isRealDay(day: string): boolean {
  const time = Date.parse(day);
  return !Number.isNaN(time) && new Date(time).toISOString().startsWith(day);
}

/** The stored version asked for, or the published one. */
async function storedVersion(ctx: ServerContext, id: string, version: number | undefined): Promise<RuleVersion> {
  if (version !== undefined) return versionOr404(ctx, id, version);
  await ctx.enterprise.rules.seed();
  const published = (await ctx.store.rules.history(id)).find((v) => v.status === 'published');
  if (!published) throw notFound(`id：规则 ${id} 没有已发布的版本；请连同 source（规则的 YAML）一起试算`);
  return published;
}

/** Facts typed in: an object, or YAML/JSON text of one, checked as a profile is. */
function typedProfile(facts: string | Record<string, unknown>): EnterpriseProfile {
  let data: unknown = facts;
  if (typeof facts === 'string') {
    try {
      data = facts.trim() === '' ? {} : loadYaml(facts, { maxAliases: 0, maxDepth: MAX_YAML_DEPTH });
    } catch (error) {
      const mark = (error as { mark?: { line: number } }).mark;
      throw badRequest(`facts：${mark ? `第 ${mark.line + 1} 行` : ''}不是有效的 YAML 或 JSON`);
    }
  }
  if (typeof data !== 'object' || data === null || Array.isArray(data)) throw badRequest('facts：应为企业情况的字段与取值，如 employees: 120');
  const checked = checkProfile(data);
  if (!checked.ok) throw badRequest(`facts：${checked.errors.slice(0, 5).map((e) => `${e.field}（${e.label}）${e.message}`).join('；')}`);
  return checked.profile;
}
