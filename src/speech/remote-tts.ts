/**
 * @module speech/remote-tts
 * A natural voice from an OpenAI-compatible `POST /v1/audio/speech` endpoint a zone runs
 * (CosyVoice and the like): `{model, input, voice, speed, response_format: 'wav'}` → audio bytes.
 */
import { authHeaders, endpointUrl, readCapped, type OpenAiEndpoint } from './endpoint.js';
import type { Audio } from './cache.js';

export interface RemoteVoice extends OpenAiEndpoint {
  voice?: string;
}

export async function remoteSpeech(
  voice: RemoteVoice,
  text: string,
  rate: number,
  limits: { timeoutMs: number; maxBytes: number },
): Promise<Audio> {
  const response = await fetch(endpointUrl(voice.url, '/audio/speech'), {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...authHeaders(voice) },
    body: JSON.stringify({ model: voice.model, input: text, voice: voice.voice ?? 'default', speed: rate, response_format: 'wav' }),
    signal: AbortSignal.timeout(limits.timeoutMs),
  });
  if (!response.ok) throw new Error(`speech: the voice server answered ${response.status}`);
  const contentType = (response.headers.get('content-type') ?? '').split(';')[0]!.trim().toLowerCase();
  if (!contentType.startsWith('audio/')) throw new Error(`speech: the voice server sent ${contentType || 'no content type'}, not audio`);
  const bytes = await readCapped(response, limits.maxBytes, 'speech: the voice server');
  if (!bytes.length) throw new Error('speech: the voice server sent no audio');
  return { contentType, bytes, engine: 'remote' };
}
