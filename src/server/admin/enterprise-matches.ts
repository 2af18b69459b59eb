/**
 * @module server/admin/enterprise-matches
 * Staff see what an enterprise sees: its matches with reasons, its forms' completeness, and a form
 * filled from its profile (to help at the counter or on the phone).
 */
import type { FastifyPluginAsync } from 'fastify';
import type { ServerContext } from '../context.js';
import { errorReplies } from '../schemas.js';
import { installEnterpriseErrors } from '../enterprise/errors.js';
import { FORM_FILE_PATTERN, formsReplySchema, matchesReplySchema, sendFilledForm } from '../enterprise/match-routes.js';
import { enterpriseForms, enterpriseMatches } from '../enterprise/portal-data.js';
import { enterpriseIdParam, enterpriseOr404 } from './enterprises.js';
import { guarded } from './guard.js';

export const enterpriseMatchRoutes: FastifyPluginAsync<ServerContext> = async (app, ctx) => {
  installEnterpriseErrors(app);

  app.get<{ Params: { id: string } }>(
    '/enterprises/:id/matches',
    guarded('enterprises:read', { summary: "An enterprise's matches, as the portal shows them", params: enterpriseIdParam, response: { 200: matchesReplySchema, ...errorReplies(404) } }),
    async (request) => enterpriseMatches(ctx, await enterpriseOr404(ctx, request.params.id)),
  );

  app.get<{ Params: { id: string } }>(
    '/enterprises/:id/forms',
    guarded('enterprises:read', { summary: "The form templates, filled from an enterprise's profile", params: enterpriseIdParam, response: { 200: formsReplySchema, ...errorReplies(404) } }),
    async (request) => enterpriseForms(ctx, await enterpriseOr404(ctx, request.params.id)),
  );

  app.get<{ Params: { id: string; file: string } }>(
    '/enterprises/:id/forms/:file',
    guarded('enterprises:read', {
      summary: "A form filled from an enterprise's profile: `<id>.docx` or `<id>.pdf`",
      params: { type: 'object', properties: { ...enterpriseIdParam.properties, file: { type: 'string', pattern: FORM_FILE_PATTERN } }, required: ['id', 'file'] },
      response: { 200: { description: 'The DOCX or PDF file' }, ...errorReplies(404, 503) },
    }),
    async (request, reply) => sendFilledForm(ctx, await enterpriseOr404(ctx, request.params.id), request.params.file, reply),
  );
};
