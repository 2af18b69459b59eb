/**
 * @module server/routes/transcribe
 * POST /api/transcribe: a spoken question (multipart, the WAV recording in the field `file`) →
 * the zone's transcription server → xiaoxin's homophone correction → `{text}`. The recording is
 * held in memory for the request only, never written anywhere. 503 when no server is configured.
 */
import multipart from '@fastify/multipart';
import type { FastifyPluginAsync, FastifyRequest } from 'fastify';
import { MAX_RECORDING_BYTES, MAX_RECORDING_SECONDS, readWav, TranscriptionFailed } from '../../speech/index.js';
import type { ServerContext } from '../context.js';
import { badRequest, HttpError, unavailable } from '../errors.js';
import { errorReplies } from '../schemas.js';

/** Recordings a minute per client address, within the API's overall limit: each costs the ASR server seconds. */
export const TRANSCRIBE_PER_MINUTE = 20;
const LIMITS = { fileSize: MAX_RECORDING_BYTES, files: 1, fields: 4, parts: 5 };

const schema = {
  summary: 'Transcribe a spoken question',
  description:
    `multipart/form-data with the recording in the field \`file\`: a PCM WAV (16 kHz mono is enough) of at most ` +
    `${MAX_RECORDING_SECONDS} seconds and ${MAX_RECORDING_BYTES / 1024 / 1024} MiB. It is sent to the zone's transcription server ` +
    '(XIAOXIN_ASR_URL) and never stored; the text comes back with speech-recognition homophones corrected against the ' +
    'knowledge base (`heard`: what the server heard). 503 when no transcription server is configured.',
  tags: ['speech'],
  consumes: ['multipart/form-data'],
  response: {
    200: {
      type: 'object',
      properties: { text: { type: 'string' }, heard: { type: 'string' } },
      required: ['text', 'heard'],
    },
    ...errorReplies(400, 413, 415, 429, 502, 503),
  },
};

export const transcribeRoutes: FastifyPluginAsync<ServerContext> = async (app, ctx) => {
  await app.register(multipart, { limits: LIMITS });
  app.post('/api/transcribe', { schema, config: { rateLimit: { max: TRANSCRIBE_PER_MINUTE, timeWindow: 60_000 } } }, async (request) => {
    const transcriber = ctx.speech.transcriber;
    if (!transcriber) throw unavailable('语音识别未配置：请管理员设置 XIAOXIN_ASR_URL 和 XIAOXIN_ASR_MODEL，或直接打字提问', 3600);
    if (!request.isMultipart()) throw badRequest('file：请以 multipart/form-data 上传录音');
    const recording = await readRecording(request);
    const info = readWav(recording);
    if (!info) throw new HttpError(415, 'file：录音须为 PCM 编码的 WAV 文件');
    if (info.durationSeconds > MAX_RECORDING_SECONDS) throw new HttpError(413, `file：录音不能超过 ${MAX_RECORDING_SECONDS} 秒`);
    if (info.durationSeconds < 0.2) throw badRequest('file：录音太短，请按住说完整的问题');
    let heard: string;
    try {
      heard = await transcriber.transcribe(recording);
    } catch (error) {
      if (!(error instanceof TranscriptionFailed)) throw error;
      ctx.logError(`speech in: ${error.message}`);
      throw new HttpError(502, '语音识别服务暂时不可用，请直接打字提问');
    }
    // The knowledge base's own words settle what the recogniser misheard (公基金 → 公积金);
    // while the engine is still starting, the text is given as heard.
    const index = ctx.engine.current?.searchIndex;
    const text = heard && index ? index.correctHeard(heard) : heard;
    return { text, heard };
  });
};

/** The one file part named `file`, in memory; the limits as Chinese errors naming the field. */
async function readRecording(request: FastifyRequest): Promise<Buffer> {
  try {
    const part = await request.file({ limits: LIMITS });
    if (!part || part.fieldname !== 'file') throw badRequest('file：缺少录音文件（字段名须为 file）');
    const bytes = await part.toBuffer();
    if (part.file.truncated) throw new HttpError(413, `file：录音不能超过 ${MAX_RECORDING_BYTES / 1024 / 1024} MiB`);
    return bytes;
  } catch (error) {
    if (error instanceof HttpError) throw error;
    const code = (error as { code?: string }).code;
    if (code === 'FST_REQ_FILE_TOO_LARGE') throw new HttpError(413, `file：录音不能超过 ${MAX_RECORDING_BYTES / 1024 / 1024} MiB`);
    if (code === 'FST_INVALID_MULTIPART_CONTENT_TYPE') throw badRequest('file：请以 multipart/form-data 上传录音');
    if (code?.startsWith('FST_')) throw new HttpError(413, 'file：只能上传一段录音');
    throw badRequest(`file：上传的表单有误（${(error as Error).message}）`);
  }
}
