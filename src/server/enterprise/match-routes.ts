/**
 * @module server/enterprise/match-routes
 * The logged-in enterprise's matches and forms: every rule ranked with its reasons, as of the
 * zone's today; the form templates with how much the profile fills in; and a form filled from the
 * stored profile as DOCX or PDF. No route takes an enterprise id: the session says whose.
 */
import type { FastifyPluginAsync } from 'fastify';
import { NoCjkFontError } from '../../enterprise/forms/cjk-font.js';
import { renderForm, type FormFormat } from '../../enterprise/forms/render.js';
import { shippedForms } from '../../enterprise/shipped.js';
import type { Enterprise } from '../../storage/index.js';
import type { ServerContext } from '../context.js';
import { HttpError, notFound } from '../errors.js';
import { errorReplies } from '../schemas.js';
import { enterpriseForms, enterpriseMatches, storedProfile } from './portal-data.js';
import { enterpriseGuarded } from './session.js';

const looseObject = { type: 'object', additionalProperties: true } as const;
export const matchesReplySchema = {
  type: 'object',
  description: 'Every rule in force, ranked: eligible (largest benefit first), missing facts (fewest first), not eligible.',
  properties: {
    asOf: { type: 'string' },
    counts: looseObject,
    matches: { type: 'array', items: looseObject },
  },
  required: ['asOf', 'counts', 'matches'],
} as const;
export const formsReplySchema = {
  type: 'object',
  properties: { asOf: { type: 'string' }, forms: { type: 'array', items: looseObject } },
  required: ['asOf', 'forms'],
} as const;

/** `attachment` with an ASCII fallback name and the Chinese one (RFC 6266 / RFC 5987). */
export function attachmentHeader(fileName: string, fallback: string): string {
  const encoded = encodeURIComponent(fileName).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return `attachment; filename="${fallback}"; filename*=UTF-8''${encoded}`;
}

export const FORM_FILE_PATTERN = '^[a-z0-9][a-z0-9-]{0,99}\\.(docx|pdf)$';

/** Renders a form filled from the enterprise's stored profile; the headers name what is still missing. */
export async function sendFilledForm(ctx: ServerContext, enterprise: Enterprise, file: string, reply: import('fastify').FastifyReply) {
  const [, id, format] = /^(.+)\.(docx|pdf)$/.exec(file) ?? [];
  const form = shippedForms().find((f) => f.id === id && f.audience === 'enterprise');
  if (!form || !format) throw notFound(`file：没有这张表“${file.slice(0, 100)}”；可下载的表格见 GET /api/enterprise/forms`);
  let rendered;
  try {
    rendered = await renderForm(form.id, await storedProfile(ctx, enterprise), {}, format as FormFormat, { asOf: ctx.today(), rules: await ctx.enterprise.rules.rules() });
  } catch (error) {
    if (error instanceof NoCjkFontError) throw new HttpError(503, '服务器未安装中文字体（fonts-noto-cjk），暂不能生成PDF；请下载DOCX版本');
    throw error;
  }
  const missing = rendered.filled.missing.filter((m) => m.required);
  reply
    .header('content-type', rendered.contentType)
    .header('content-disposition', attachmentHeader(rendered.fileName, `${form.id}.${format}`))
    // How many required values the download still lacks (the list: GET /api/enterprise/forms).
    .header('x-missing-fields', String(missing.length));
  return reply.send(Buffer.from(rendered.bytes));
}

export const enterpriseMatchRoutes: FastifyPluginAsync<ServerContext> = async (app, ctx) => {
  app.get(
    '/matches',
    enterpriseGuarded({
      summary: 'Every policy and qualification ranked for the enterprise, with per-condition reasons',
      description: "Evaluated from the stored profile as of the zone's today (XIAOXIN_TIMEZONE). docs/ENTERPRISE-API.md describes each match.",
      response: { 200: matchesReplySchema },
    }),
    async (request) => enterpriseMatches(ctx, request.enterpriseCaller!.enterprise),
  );

  app.get(
    '/forms',
    enterpriseGuarded({ summary: 'The form templates, with how much the stored profile fills in and what is missing', response: { 200: formsReplySchema } }),
    async (request) => enterpriseForms(ctx, request.enterpriseCaller!.enterprise),
  );

  app.get<{ Params: { file: string } }>(
    '/forms/:file',
    {
      ...enterpriseGuarded({
        summary: 'A form filled from the stored profile: `<id>.docx` or `<id>.pdf`',
        description: 'Content-Disposition carries the Chinese file name (RFC 5987); `x-missing-fields` counts the required values still blank.',
        params: { type: 'object', properties: { file: { type: 'string', pattern: FORM_FILE_PATTERN } }, required: ['file'] },
        response: { 200: { description: 'The DOCX or PDF file' }, ...errorReplies(404, 503) },
      }),
      // A PDF costs up to a second of CPU: a few a minute per address is all a person needs.
      config: ctx.admin.loginRateLimit > 0 ? { rateLimit: { max: 30, timeWindow: 60_000 } } : {},
    },
    async (request, reply) => sendFilledForm(ctx, request.enterpriseCaller!.enterprise, request.params.file, reply),
  );
};
