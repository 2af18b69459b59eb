/**
 * @module server/admin/rules
 * Eligibility rules in the back office (docs/ADMIN-API.md, "Rules"): the list, one rule with its
 * versions, a version's text and a line diff, saving a draft (YAML checked first — a bad draft is
 * refused with every problem by line and field, and nothing is stored), then submit → publish or
 * reject, and roll back. Storage keeps the order of the steps (409) and four eyes (403), and audits
 * each; a publish moves the store's revision, so every instance's rule book and notices job see it.
 */
import type { FastifyPluginAsync } from 'fastify';
import { checkDraft, type DraftProblem } from '../../enterprise/rule-book/index.js';
import type { DraftRefusal, DraftReply, RuleDetailReply, RuleDiffReply, RuleListEntry, RuleListReply } from '../../enterprise/rule-book/contract.js';
import { diffSources } from '../../enterprise/rule-book/source-diff.js';
import type { Rule } from '../../enterprise/rules/schema.js';
import type { RuleVersion, RuleVersionSummary } from '../../storage/index.js';
import type { ServerContext } from '../context.js';
import { badRequest, notFound } from '../errors.js';
import { errorReplies } from '../schemas.js';
import { guarded } from './guard.js';
import { obj, positiveIntParam, str } from './schemas.js';
import { publishRule } from './versions.js';

/** A rule's YAML or test cases sent in a body: the byte bound (64 KiB) is checked on the text itself. */
export const RULE_TEXT_MAX_CHARS = 64 * 1024;
/** Bodies of the rule routes: two texts and typed-in facts, never more. */
export const RULE_BODY_LIMIT = 256 * 1024;

export const ruleIdParam = { type: 'string', minLength: 1, maxLength: 100, pattern: '^[a-z0-9][a-z0-9-]*$' } as const;
const idParams = { type: 'object', properties: { id: ruleIdParam }, required: ['id'] } as const;
const versionParams = { type: 'object', properties: { id: ruleIdParam, version: positiveIntParam }, required: ['id', 'version'] } as const;
const anyObject = { type: 'object', additionalProperties: true } as const;
const anyArray = { type: 'array', items: anyObject } as const;
const refusal = { 400: obj({ error: str, problems: anyArray }, ['error']) };

/** The rule in the book, or a version's, read as a rule. */
const asRule = (value: unknown): Partial<Rule> => (typeof value === 'object' && value !== null ? (value as Partial<Rule>) : {});

export const ruleRoutes: FastifyPluginAsync<ServerContext> = async (app, ctx) => {
  app.get(
    '/rules',
    guarded('enterprises:read', {
      summary: 'The eligibility rules: what is published, and the change on its way through review',
      response: { 200: obj({ rules: anyArray }, ['rules']) },
    }),
    async (): Promise<RuleListReply> => {
      await ctx.enterprise.rules.seed();
      return { rules: listEntries(await ctx.store.rules.summaries()) };
    },
  );

  app.get<{ Params: { id: string } }>(
    '/rules/:id',
    guarded('enterprises:read', {
      summary: 'One rule: its versions (newest first) and the text the editor opens',
      params: idParams,
      response: { 200: obj({ id: str, versions: anyArray, current: anyObject, allowSelfPublish: { type: 'boolean' } }, ['id', 'versions', 'current']), ...errorReplies(404) },
    }),
    async (request): Promise<RuleDetailReply> => {
      await ctx.enterprise.rules.seed();
      const history = await ctx.store.rules.history(request.params.id);
      if (!history.length) throw notFound(`id：没有规则 ${request.params.id}`);
      const current = history.find((v) => v.status === 'draft' || v.status === 'in_review') ?? history.find((v) => v.status === 'published') ?? history[0]!;
      return { id: request.params.id, versions: history.map(summaryOf), current, allowSelfPublish: ctx.admin.allowSelfPublish };
    },
  );

  app.get<{ Params: { id: string; version: number } }>(
    '/rules/:id/versions/:version',
    guarded('enterprises:read', { summary: "One version of a rule with its YAML and test cases", params: versionParams, response: { 200: anyObject, ...errorReplies(404) } }),
    async (request) => versionOr404(ctx, request.params.id, request.params.version),
  );

  app.get<{ Params: { id: string; version: number }; Querystring: { against?: number } }>(
    '/rules/:id/versions/:version/diff',
    guarded('enterprises:read', {
      summary: "What a version changed in the rule's YAML and its test cases, line by line",
      description: 'Against the previous version by default; the first version shows every line as added.',
      params: versionParams,
      querystring: { type: 'object', properties: { against: positiveIntParam } },
      response: { 200: obj({ id: str, version: { type: 'integer' }, against: { type: 'integer' }, rule: anyArray, tests: anyArray }, ['id', 'version', 'rule', 'tests']), ...errorReplies(404) },
    }),
    async (request): Promise<RuleDiffReply> => {
      const { id, version } = request.params;
      const target = await versionOr404(ctx, id, version);
      const againstNumber = request.query.against ?? (version > 1 ? version - 1 : undefined);
      const against = againstNumber === undefined ? undefined : await versionOr404(ctx, id, againstNumber);
      return {
        id,
        version,
        ...(against ? { against: against.version } : {}),
        rule: diffSources(against?.source ?? '', target.source),
        tests: diffSources(against?.tests ?? '', target.tests ?? ''),
      };
    },
  );

  app.put<{ Params: { id: string }; Body: { source: string; tests?: string; note?: string } }>(
    '/rules/:id/draft',
    {
      bodyLimit: RULE_BODY_LIMIT,
      ...guarded('rules:edit', {
      summary: "Save a rule's YAML as a draft (a new rule when the id is new)",
      description:
        'The YAML is checked before anything is stored: at most 64 KiB, no anchors or aliases, nesting at most 40 deep, the rule schema, ' +
        'the `id` the path names, and the cross-checks with the other published rules (classOf). A bad draft is refused with 400 and ' +
        '`problems`: each with `part` (rule or tests), `line`, `field` and a Chinese `message`. `tests`: the rule\'s own OpenFisca-style ' +
        'test cases (YAML), run on the draft; `cases` says which pass (a failing case does not stop saving).',
      params: idParams,
      body: {
        type: 'object',
        properties: { source: { type: 'string', minLength: 1, maxLength: RULE_TEXT_MAX_CHARS }, tests: { type: 'string', maxLength: RULE_TEXT_MAX_CHARS }, note: { type: 'string', maxLength: 500 } },
        required: ['source'],
        additionalProperties: false,
      },
      response: { 200: obj({ version: anyObject, cases: anyObject }, ['version']), ...refusal },
      }),
    },
    async (request, reply): Promise<DraftReply | DraftRefusal> => {
      const { id } = request.params;
      const { source, note } = request.body;
      const tests = request.body.tests?.trim() ? request.body.tests : undefined;
      const checked = checkDraft({ source, tests, ruleId: id }, await ctx.enterprise.rules.rules());
      if (!checked.ok) return reply.code(400).send(refusalOf(checked.problems));
      const rule = checked.rule;
      const version = await ctx.store.rules.saveDraft(
        { ruleId: id, kind: rule.kind, name: rule.name, source, ...(tests !== undefined ? { tests } : {}), rule },
        request.staff!.account.name,
        note?.trim() || undefined,
      );
      return { version, ...(checked.cases ? { cases: checked.cases } : {}) };
    },
  );

  const noteBody = { type: 'object', properties: { note: { type: 'string', maxLength: 500 } } } as const;
  const step = (
    path: string,
    access: 'rules:edit' | 'rules:review',
    summary: string,
    body: Record<string, unknown> | undefined,
    run: (p: { id: string; version: number }, actor: string, body: Record<string, string | undefined>) => Promise<RuleVersion>,
  ) =>
    app.post<{ Params: { id: string; version: number }; Body: Record<string, string | undefined> | undefined }>(
      `/rules/:id/versions/:version/${path}`,
      guarded(access, { summary, params: versionParams, ...(body ? { body } : {}), response: { 200: anyObject, ...errorReplies(400, 404, 409) } }),
      async (request) => {
        await versionOr404(ctx, request.params.id, request.params.version);
        const done = await run(request.params, request.staff!.account.name, request.body ?? {});
        if (done.status === 'published') {
          // This instance serves it at once; the others hear of it by the store's notification.
          await ctx.enterprise.rules.rules();
          ctx.enterprise.notices.poke();
        }
        return done;
      },
    );

  step('submit', 'rules:edit', 'Submit a draft rule for review (draft → in_review)', undefined, (p, actor) => ctx.store.rules.submit(p.id, p.version, actor));
  step('publish', 'rules:review', 'Publish a rule in review: matching, the chat and notices use it at once', noteBody, (p, actor, body) =>
    ctx.store.rules.publish(p.id, p.version, actor, body.note?.trim() || undefined, publishRule(ctx)),
  );
  step(
    'reject',
    'rules:review',
    'Reject a rule in review, with the reason',
    { type: 'object', properties: { reason: { type: 'string', minLength: 1, maxLength: 500 } }, required: ['reason'] },
    (p, actor, body) => {
      const reason = body.reason?.trim();
      if (!reason) throw badRequest('reason：退回理由不能为空');
      return ctx.store.rules.reject(p.id, p.version, actor, reason);
    },
  );
  step('rollback', 'rules:review', 'Publish an earlier published version of a rule again, as a new version', undefined, (p, actor) =>
    ctx.store.rules.rollback(p.id, p.version, actor, publishRule(ctx)),
  );
};

export async function versionOr404(ctx: ServerContext, id: string, version: number): Promise<RuleVersion> {
  const found = await ctx.store.rules.get(id, version);
  if (!found) throw notFound(`version：规则 ${id} 没有第 ${version} 版`);
  return found;
}

/** A refused draft's reply: the first problem in words, and all of them. */
export function refusalOf(problems: DraftProblem[]): DraftRefusal {
  const first = problems[0];
  const where = first ? `${first.part === 'tests' ? '测试用例' : '规则'}${first.line ? `第 ${first.line} 行` : ''}${first.field ? ` ${first.field}` : ''}` : '';
  return { error: `规则有误（共 ${problems.length} 处）：${where}：${first?.message ?? ''}`, problems };
}

function summaryOf(version: RuleVersion): RuleVersionSummary {
  const { source: _s, tests: _t, rule: _r, ...summary } = version;
  return summary;
}

/** Versions (by rule, newest first) grouped into the list's entries. */
function listEntries(summaries: readonly RuleVersionSummary[]): RuleListEntry[] {
  const byRule = new Map<string, RuleVersionSummary[]>();
  for (const s of summaries) byRule.set(s.ruleId, [...(byRule.get(s.ruleId) ?? []), s]);
  return [...byRule.entries()].map(([id, versions]) => {
    const published = versions.find((v) => v.status === 'published');
    const open = versions.find((v) => v.status === 'draft' || v.status === 'in_review');
    const rule = asRule(published?.rule);
    const newest = versions[0]!;
    return {
      id,
      name: (published ?? newest).name,
      kind: (published ?? newest).kind,
      ...(rule.level ? { level: rule.level } : {}),
      ...(rule.legalBasis ? { legalBasis: rule.legalBasis.map((l) => `《${l.title}》${l.docNumber ? `（${l.docNumber}）` : ''}`).join('；') } : {}),
      ...(rule.validFrom ? { validFrom: rule.validFrom } : {}),
      ...(rule.validTo ? { validTo: rule.validTo } : {}),
      ...(published
        ? { published: { version: published.version, author: published.author, ...(published.reviewedBy ? { reviewedBy: published.reviewedBy } : {}), ...(published.reviewedAt ? { reviewedAt: published.reviewedAt } : {}), shipped: published.shipped } }
        : {}),
      ...(open ? { open: { version: open.version, status: open.status, author: open.author, createdAt: open.createdAt } } : {}),
      versions: versions.length,
      updatedAt: versions.map((v) => v.reviewedAt ?? v.createdAt).sort().at(-1)!,
    };
  });
}
