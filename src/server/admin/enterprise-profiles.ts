/**
 * @module server/admin/enterprise-profiles
 * Staff and enterprise profiles: read any enterprise's profile and its history, verify facts
 * (who and when is recorded), import profiles from an XLSX sheet (per-row problems by row and
 * column) and export them all.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { createWriteStream } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import type { FastifyPluginAsync } from 'fastify';
import { limitsWith } from '../../ingestion/limits.js';
import { profileHistory, readProfile, verifyFacts } from '../../enterprise/profiles/service.js';
import { importProfileSheet, problemText } from '../../enterprise/profiles/sheet-import.js';
import { profileWorkbook } from '../../enterprise/profiles/sheet-export.js';
import type { ServerContext } from '../context.js';
import { badRequest, HttpError } from '../errors.js';
import { errorReplies } from '../schemas.js';
import { fieldErrorsSchema, installEnterpriseErrors } from '../enterprise/errors.js';
import { factVersionSchema, historyQuery, profileViewSchema } from '../enterprise/schemas.js';
import { enterpriseIdParam, enterpriseOr404 } from './enterprises.js';
import { guarded } from './guard.js';

const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const SHEET_LIMITS = { fileSize: 20 * 1024 * 1024, files: 1, fields: 0, parts: 2 };

export const enterpriseProfileRoutes: FastifyPluginAsync<ServerContext> = async (app, ctx) => {
  installEnterpriseErrors(app);

  app.get<{ Params: { id: string } }>(
    '/enterprises/:id/profile',
    guarded('enterprises:read', { summary: "An enterprise's profile: every fact with its source", params: enterpriseIdParam, response: { 200: profileViewSchema, ...errorReplies(404) } }),
    async (request) => readProfile(ctx.store, await enterpriseOr404(ctx, request.params.id)),
  );

  app.get<{ Params: { id: string }; Querystring: { fact?: string; limit: number } }>(
    '/enterprises/:id/profile/history',
    guarded('enterprises:read', {
      summary: "Every change of an enterprise's facts, newest first",
      params: enterpriseIdParam,
      querystring: historyQuery,
      response: { 200: { type: 'object', properties: { versions: { type: 'array', items: factVersionSchema } } }, ...errorReplies(404) },
    }),
    async (request) => ({
      versions: await profileHistory(ctx.store, await enterpriseOr404(ctx, request.params.id), { key: request.query.fact, limit: request.query.limit }),
    }),
  );

  app.post<{ Params: { id: string }; Body: { facts: string[]; note?: string } }>(
    '/enterprises/:id/profile/verify',
    guarded('enterprises:manage', {
      summary: 'Mark facts as verified by the caller',
      description: 'Each fact keeps its value and records who verified it and when (a version `verified` in its history). A key the profile does not hold is a 400 naming it; nothing is stored then.',
      params: enterpriseIdParam,
      body: {
        type: 'object',
        properties: {
          facts: { type: 'array', minItems: 1, maxItems: 200, items: { type: 'string', pattern: '^[A-Za-z0-9.]{1,60}$' } },
          note: { type: 'string', maxLength: 200, description: 'What was checked (社保缴费名单, 2024年所得税年报)' },
        },
        required: ['facts'],
      },
      response: { 200: { type: 'object', additionalProperties: true, properties: { verified: profileViewSchema.properties.facts } }, 400: fieldErrorsSchema, ...errorReplies(404) },
    }),
    async (request) => {
      const enterprise = await enterpriseOr404(ctx, request.params.id);
      return { verified: await verifyFacts(ctx.store, enterprise, request.body.facts, request.staff!.account.name, ctx.now(), request.body.note) };
    },
  );

  app.post(
    '/enterprises/import',
    guarded('enterprises:manage', {
      summary: 'Import profiles from an XLSX sheet (one row per enterprise)',
      description:
        'multipart/form-data with one XLSX file. The first sheet, a header row within its first 10 rows naming 统一社会信用代码 and the facts ' +
        '(职工总数, 2023年销售（营业）收入 … or their keys). Each row is stored on its own: a bad row stores nothing and is listed in `problems` ' +
        'with its row, column and header; the good rows are stored (`stored`). An unknown enterprise is created (active) when the row names it.',
      consumes: ['multipart/form-data'],
      response: {
        200: {
          type: 'object',
          additionalProperties: true,
          properties: {
            rows: { type: 'integer' },
            stored: { type: 'array', items: { type: 'object', additionalProperties: true } },
            problems: { type: 'array', items: { type: 'object', additionalProperties: true } },
          },
        },
        ...errorReplies(400, 413),
      },
    }),
    async (request) => {
      if (!request.isMultipart()) throw badRequest('file：请以 multipart/form-data 上传一个 XLSX 文件');
      const dir = await mkdtemp(path.join(os.tmpdir(), 'xiaoxin-upload-'));
      try {
        const file = path.join(dir, 'profiles.xlsx');
        let name: string | undefined;
        try {
          for await (const part of request.parts({ limits: SHEET_LIMITS })) {
            if (part.type !== 'file') continue;
            name = (part.filename ?? 'profiles.xlsx').split(/[\\/]/).pop()!.slice(0, 200);
            await pipeline(part.file, createWriteStream(file));
          }
        } catch (error) {
          const code = (error as { code?: string }).code;
          if (code === 'FST_REQ_FILE_TOO_LARGE') throw new HttpError(413, 'file：文件超过 20 MiB');
          if (code === 'FST_FILES_LIMIT' || code === 'FST_PARTS_LIMIT' || code === 'FST_FIELDS_LIMIT') throw new HttpError(413, 'file：一次只能上传一个文件');
          throw badRequest(`file：上传不完整或格式不对（${(error as Error).message}）`);
        }
        if (!name) throw badRequest('file：请上传一个 XLSX 文件');
        const result = await importProfileSheet(ctx.store, file, request.staff!.account.name, limitsWith(ctx.admin.importLimits), name);
        if (result.stored.length) ctx.enterprise.notices.poke();
        return { ...result, problems: result.problems.map((p) => ({ ...p, text: problemText(p) })) };
      } finally {
        await rm(dir, { recursive: true, force: true });
      }
    },
  );

  app.get(
    '/enterprises/export',
    guarded('enterprises:read', {
      summary: 'Download every enterprise profile as XLSX',
      description: 'Sheet 企业画像 in the importer\'s columns (imports again unchanged); sheet 信息来源: each fact\'s source, who verified it and when.',
      produces: [XLSX_TYPE],
    }),
    async (_request, reply) => {
      reply.header('content-disposition', `attachment; filename="xiaoxin-enterprise-profiles-${ctx.today()}.xlsx"`);
      return reply.type(XLSX_TYPE).send(await profileWorkbook(ctx.store));
    },
  );
};
