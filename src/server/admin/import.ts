/**
 * @module server/admin/import
 * Importing files from the back office in two steps. Preview: the uploaded files are written to a
 * temporary folder under their own names (so that problems read `政策.xlsx:12: …`), read by the
 * same importer as `xiaoxin import`, compared with what is published, and forgotten from disk;
 * nothing is stored. Commit (import-commit.ts): the previewed items become drafts submitted for
 * review, or, for someone who may publish and asks to where four eyes are off, are published at once.
 */
import { createWriteStream } from 'node:fs';
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import type { FastifyPluginAsync, FastifyRequest } from 'fastify';
import { can } from '../../accounts/roles.js';
import { importPaths } from '../../ingestion/index.js';
import { guideSections } from '../../knowledge/content.js';
import { ITEM_KINDS, type Item, type ItemKind } from '../../knowledge/index.js';
import type { ServerContext } from '../context.js';
import { badRequest, conflict, forbidden, HttpError, notFound } from '../errors.js';
import { errorReplies } from '../schemas.js';
import { VersionStateError } from '../../storage/index.js';
import { guarded } from './guard.js';
import { commitPreview, type CommitResult } from './import-commit.js';
import { compareWithPublished, ImportPreviews } from './import-previews.js';
import { fieldChangeSchema, int, obj, problemSchema, str, strings } from './schemas.js';

/** Per upload: a zone's policy PDFs and FAQ sheets are far smaller. */
export const UPLOAD_LIMITS = { fileSize: 20 * 1024 * 1024, files: 20, fields: 5, parts: 30 };

/**
 * `fields`: for a guide, the fields it has (read from a document's sections or given by name), in print order.
 * `scanned`: true when its text was read by OCR from a scan (a PNG/JPEG, or PDF pages without a text layer).
 */
const summary = obj({ id: str, kind: str, title: str, fields: strings, scanned: { type: 'boolean' } }, ['id', 'kind', 'title']);

export const importRoutes: FastifyPluginAsync<ServerContext> = async (app, ctx) => {
  const previews = new ImportPreviews(ctx.now);

  app.post(
    '/import/preview',
    guarded('knowledge:edit', {
      summary: 'Preview an import (nothing is stored)',
      description:
        'multipart/form-data with one or more files (XLSX, CSV, DOCX, PDF, HTML, JSONL, JSON, Markdown, TXT, and scans as PNG/JPG; at most 20, 20 MiB each) ' +
        'and an optional field `kind` (policy, guide, faq, article) for documents. The preview is kept 30 minutes for POST /api/admin/import/commit. ' +
        'Files are read in worker threads within the XIAOXIN_IMPORT_* limits; a file past one is a problem of that file. ' +
        'Images and PDF pages without a text layer are read by OCR; the items they give carry `scanned: true` (shown as 识别自扫描件). ' +
        '400 for a body that is not multipart, has no boundary or is cut short; 413 for a file over 20 MiB.',
      consumes: ['multipart/form-data'],
      response: {
        200: obj(
          {
            previewId: str,
            expiresAt: { type: 'string', format: 'date-time' },
            files: strings,
            create: { type: 'array', items: summary },
            update: { type: 'array', items: { ...summary, properties: { ...summary.properties, changes: { type: 'array', items: fieldChangeSchema } } } },
            unchanged: strings,
            problems: { type: 'array', items: problemSchema },
          },
          ['previewId', 'expiresAt', 'files', 'create', 'update', 'unchanged', 'problems'],
        ),
        ...errorReplies(400, 406, 413),
      },
    }),
    async (request) => {
      const dir = await mkdtemp(path.join(os.tmpdir(), 'xiaoxin-upload-'));
      try {
        const upload = await saveUpload(request, dir);
        if (upload.files.length === 0) throw badRequest('files: send at least one file (multipart/form-data)');
        // Parsed in worker threads with the configured limits: a bomb costs one worker, not the server.
        const result = await importPaths(
          upload.files.map((f) => path.join(dir, f)),
          { ...(upload.kind ? { kind: upload.kind } : {}), ...(ctx.admin.importLimits ? { limits: ctx.admin.importLimits } : {}) },
        );
        // Problems name the file as uploaded, not the temporary folder.
        const problems = result.problems.map((p) => ({ ...p, file: path.relative(dir, p.file) || p.file }));
        const preview = previews.add(request.staff!.account.name, upload.files, result.items, problems);
        const compared = await compareWithPublished(ctx.store, result.items);
        const scanned = new Set(result.scanned);
        const brief = (i: Item) => ({
          id: i.id,
          kind: i.kind,
          title: i.title,
          ...(i.kind === 'guide' ? { fields: guideSections(i).map((s) => s.field) } : {}),
          ...(scanned.has(i.id) ? { scanned: true } : {}),
        });
        return {
          previewId: preview.id,
          expiresAt: preview.expiresAt.toISOString(),
          files: upload.files,
          create: compared.create.map(brief),
          update: compared.update.map((u) => ({ ...brief(u.item), changes: u.changes })),
          unchanged: compared.unchanged,
          problems,
        };
      } finally {
        // Retries: after an abandoned upload a last part may still be landing in the folder.
        await rm(dir, { recursive: true, force: true, maxRetries: 5, retryDelay: 100 });
      }
    },
  );

  app.post<{ Body: { previewId: string; publish?: boolean } }>(
    '/import/commit',
    {
      ...guarded('knowledge:edit', {
        summary: 'Commit a previewed import',
        description:
          'The new and changed items become drafts submitted for review (in_review); with `publish: true` (needs knowledge:publish, ' +
          'and XIAOXIN_ALLOW_SELF_PUBLISH=1: otherwise four eyes refuse it with 403) they are published at once. Unchanged items are left alone. ' +
          'All or nothing: the items and the audit entry are stored in one transaction; on any error nothing is stored and the preview is kept for a retry. ' +
          '404 for an unknown or expired preview, 409 while the same preview is being committed.',
        body: { type: 'object', properties: { previewId: { type: 'string', minLength: 1, maxLength: 100 }, publish: { type: 'boolean', default: false } }, required: ['previewId'] },
        response: {
          200: obj(
            {
              published: { type: 'boolean' },
              created: strings,
              updated: strings,
              unchanged: strings,
              versions: { type: 'array', items: obj({ itemId: str, version: int, status: str }, ['itemId', 'version', 'status']) },
            },
            ['published', 'created', 'updated', 'unchanged', 'versions'],
          ),
          ...errorReplies(400, 404, 409, 500),
        },
      }),
      config: { bodyExample: '{"previewId": "…", "publish": false}' },
    },
    async (request) => {
      const staff = request.staff!.account;
      const publish = request.body.publish === true;
      if (publish && !can(staff.role, 'knowledge:publish')) {
        throw forbidden(`publish: the role ${staff.role} may not publish; commit without publish to submit the items for review`);
      }
      if (publish && !ctx.admin.allowSelfPublish) {
        throw forbidden('publish: another reviewer must publish what you import (four eyes); commit without publish to submit the items for review');
      }
      const { previewId } = request.body;
      const preview = previews.claim(previewId, staff.name);
      if (preview === 'busy') throw conflict(`previewId: preview "${previewId}" is being committed by another request; nothing more was stored`);
      if (!preview) throw notFound(`previewId: no preview "${previewId}" of yours (previews last 30 minutes); preview the files again`);
      let result: CommitResult;
      try {
        result = await ctx.store.transaction((store) => commitPreview(store, preview, staff.name, publish));
      } catch (error) {
        previews.release(previewId);
        throw nothingStored(error, ctx.logError);
      }
      // Only now: a failed commit leaves the preview for a retry.
      previews.delete(previewId);
      return result;
    },
  );
};

/** A failed commit as the client sees it: whatever went wrong, nothing was stored and the preview is kept. */
function nothingStored(error: unknown, logError: (message: string) => void): HttpError {
  const kept = 'nothing was stored; the preview is kept, so the commit can be tried again';
  if (error instanceof HttpError) return new HttpError(error.statusCode, `${error.message}; ${kept}`, error.headers);
  if (error instanceof VersionStateError) return new HttpError(409, `${error.message}; ${kept}`);
  logError(`import commit failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
  return new HttpError(500, `the import could not be committed (the server log has the details); ${kept}`);
}

interface Upload {
  files: string[];
  kind?: ItemKind;
}

/**
 * Writes every file part into `dir` under its own (cleaned) name; returns the names and the `kind`
 * field. A broken body is a 4xx naming what is wrong, and a client that goes away mid-upload ends
 * the wait at once (the caller then removes `dir`).
 */
async function saveUpload(request: FastifyRequest, dir: string): Promise<Upload> {
  const type = request.headers['content-type'] ?? '';
  if (!request.isMultipart()) throw badRequest(`content-type: send the files as multipart/form-data${type ? ` (got ${type.split(';')[0]})` : ''}`);
  if (!/;\s*boundary=/i.test(type)) throw badRequest('content-type: multipart/form-data needs its boundary (multipart/form-data; boundary=…)');
  let cutOff: (error: Error) => void = () => undefined;
  const clientGone = new Promise<never>((_, reject) => (cutOff = reject));
  const onClose = () => {
    if (!request.raw.complete) cutOff(badRequest('the upload was cut off before it ended; send the files again'));
  };
  request.raw.once('close', onClose);
  // Gone already, while the folder was being made.
  if (request.raw.destroyed) onClose();
  try {
    return await Promise.race([writeParts(request, dir), clientGone]);
  } catch (error) {
    throw uploadError(error);
  } finally {
    request.raw.off('close', onClose);
  }
}

/** What @fastify/multipart and busboy throw, said as a client can act on it. */
function uploadError(error: unknown): unknown {
  if (error instanceof HttpError) return error;
  const { code, message } = error as { code?: string; message?: string };
  switch (code) {
    case 'FST_REQ_FILE_TOO_LARGE':
      return tooLarge('a file');
    case 'FST_FILES_LIMIT':
      return new HttpError(413, `files: at most ${UPLOAD_LIMITS.files} files in one upload`);
    case 'FST_PARTS_LIMIT':
    case 'FST_FIELDS_LIMIT':
      return new HttpError(413, `the upload has more than ${UPLOAD_LIMITS.parts} parts`);
  }
  if (/unexpected end of (form|multipart data)/i.test(message ?? '')) {
    return badRequest('the multipart body ends before its closing boundary (a truncated upload); send the files again');
  }
  if (/boundary not found|malformed part header|multipart/i.test(message ?? '')) return badRequest(`the multipart body is malformed: ${message}`);
  return error;
}

async function writeParts(request: FastifyRequest, dir: string): Promise<Upload> {
  const files: string[] = [];
  let kind: ItemKind | undefined;
  // The file being written: a file over the size limit is named in the 413.
  let writing = 'a file';
  try {
    for await (const part of request.parts({ limits: UPLOAD_LIMITS })) {
      if (part.type === 'field') {
        if (part.fieldname !== 'kind' || part.value === '') continue;
        if (!(ITEM_KINDS as readonly string[]).includes(String(part.value))) throw badRequest(`kind: must be one of ${ITEM_KINDS.join(', ')}`);
        kind = part.value as ItemKind;
        continue;
      }
      let name = cleanFileName(part.filename, files.length + 1);
      writing = `"${name}"`;
      // Two files of the same name each keep it, in folders of their own.
      if (files.includes(name)) {
        const folder = String(files.length + 1);
        await mkdir(path.join(dir, folder));
        name = path.join(folder, name);
      }
      await pipeline(part.file, createWriteStream(path.join(dir, name)));
      files.push(name);
    }
  } catch (error) {
    throw (error as { code?: string }).code === 'FST_REQ_FILE_TOO_LARGE' ? tooLarge(writing) : error;
  }
  return { files, ...(kind ? { kind } : {}) };
}

const tooLarge = (file: string) =>
  new HttpError(413, `files: ${file} is larger than ${UPLOAD_LIMITS.fileSize / 1024 / 1024} MiB; split it, or import it with xiaoxin import`);

/** The base name as sent, without folders, control characters or a leading dot. */
function cleanFileName(sent: string | undefined, n: number): string {
  const base = (sent ?? '').split(/[\\/]/).pop() ?? '';
  const clean = base.replace(/[\u0000-\u001f\u007f]/g, '').replace(/^\.+/, '').trim().slice(0, 200);
  return clean || `upload-${n}`;
}
