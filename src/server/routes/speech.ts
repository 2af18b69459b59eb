/**
 * @module server/routes/speech
 * POST /api/speech: answer text → spoken audio (audio/wav from espeak-ng, or whatever audio/* the
 * zone's voice server sends), for the web app's avatar. 503 when the server has no voice.
 */
import type { FastifyPluginAsync } from 'fastify';
import { MAX_RATE, MAX_SPEECH_CHARS, MIN_RATE, NothingToSay, SpeakerBusy, SpeechUnavailable } from '../../speech/index.js';
import type { ServerContext } from '../context.js';
import { badRequest, unavailable } from '../errors.js';
import { errorReplies } from '../schemas.js';

interface SpeechBody {
  text: string;
  rate?: number;
}

const schema = {
  summary: 'Speak a text aloud',
  description:
    `The text (at most ${MAX_SPEECH_CHARS} characters) read the way a person reads an answer: phone numbers digit by digit, ` +
    `2025年 as a year, amounts as amounts. \`rate\` ${MIN_RATE}–${MAX_RATE} (1 normal; elderly mode is slower). The reply is the ` +
    'audio itself (audio/wav from the embedded espeak-ng voice, or the audio/* of the zone\'s voice server); the header ' +
    'x-speech-engine says which spoke. 503 when speech out is not available (GET /api/config says why).',
  tags: ['speech'],
  produces: ['audio/wav'],
  body: {
    type: 'object',
    properties: {
      text: { type: 'string', minLength: 1, maxLength: MAX_SPEECH_CHARS },
      rate: { type: 'number', minimum: MIN_RATE, maximum: MAX_RATE, default: 1 },
    },
    required: ['text'],
    additionalProperties: false,
  },
  response: { ...errorReplies(400, 413, 415, 429, 503) },
};

export const speechRoutes: FastifyPluginAsync<ServerContext> = async (app, ctx) => {
  app.post<{ Body: SpeechBody }>('/api/speech', { schema, config: { bodyExample: '{"text": "请到3号窗口办理", "rate": 1}' } }, async (request, reply) => {
    const speaker = ctx.speech.speaker;
    if (!speaker || !speaker.status.available) {
      throw unavailable(`语音播报不可用：${speaker?.status.reason ?? '服务器未开启语音播报'}`, 3600);
    }
    const text = request.body.text.trim();
    if (!text) throw badRequest('text：不能为空');
    try {
      const audio = await speaker.speak(text, request.body.rate ?? 1);
      return reply
        .type(audio.contentType)
        .header('x-speech-engine', audio.engine)
        .header('x-speech-cached', audio.cached ? '1' : '0')
        .header('cache-control', 'no-store')
        .send(audio.bytes);
    } catch (error) {
      if (error instanceof NothingToSay) throw badRequest('text：没有可以朗读的文字');
      if (error instanceof SpeakerBusy) throw unavailable('语音播报繁忙，请稍后再试', 2);
      if (error instanceof SpeechUnavailable) throw unavailable(`语音播报不可用：${error.message}`, 3600);
      throw error;
    }
  });
};
