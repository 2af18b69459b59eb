/**
 * @module speech/transcriber
 * Speech in: a recording goes to an OpenAI-compatible `POST /v1/audio/transcriptions` endpoint a
 * zone runs (FunASR, SenseVoice, Whisper servers) as multipart (`file`, `model`, `language`,
 * `response_format=json`), and its `{text}` comes back. Nothing is kept: the bytes live only for
 * the request.
 */
import { authHeaders, endpointUrl, readCapped, type OpenAiEndpoint } from './endpoint.js';

/** The longest recording accepted, and the most bytes (16 kHz mono 16-bit is 32 kB a second). */
export const MAX_RECORDING_SECONDS = 60;
export const MAX_RECORDING_BYTES = 4 * 1024 * 1024;
/** The longest text taken back from the server: a spoken question, not a speech. */
export const MAX_TRANSCRIPT_CHARS = 500;

export class TranscriptionFailed extends Error {}

export interface TranscriberOptions extends OpenAiEndpoint {
  /** How long the server may take (default 30 s). */
  timeoutMs?: number;
}

export class Transcriber {
  constructor(private readonly options: TranscriberOptions) {}

  /** The text said in a WAV recording, as the transcription server heard it (trimmed, capped). */
  async transcribe(wav: Buffer): Promise<string> {
    const form = new FormData();
    form.append('file', new Blob([new Uint8Array(wav)], { type: 'audio/wav' }), 'question.wav');
    form.append('model', this.options.model);
    form.append('language', 'zh');
    form.append('response_format', 'json');
    let response: Response;
    try {
      response = await fetch(endpointUrl(this.options.url, '/audio/transcriptions'), {
        method: 'POST',
        headers: authHeaders(this.options),
        body: form,
        signal: AbortSignal.timeout(this.options.timeoutMs ?? 30_000),
      });
    } catch (error) {
      const reason = (error as Error).name === 'TimeoutError' ? 'took too long' : `is unreachable (${describe(error)})`;
      throw new TranscriptionFailed(`the transcription server ${reason}`);
    }
    if (!response.ok) throw new TranscriptionFailed(`the transcription server answered ${response.status}`);
    let body: unknown;
    try {
      body = JSON.parse((await readCapped(response, 1024 * 1024, 'the transcription server')).toString('utf8'));
    } catch (error) {
      throw new TranscriptionFailed(`the transcription server sent no JSON (${(error as Error).message})`);
    }
    const text = (body as { text?: unknown } | null)?.text;
    if (typeof text !== 'string') throw new TranscriptionFailed('the transcription server sent no text');
    return text.trim().slice(0, MAX_TRANSCRIPT_CHARS);
  }
}

/** undici says "fetch failed" and keeps the reason (ECONNREFUSED…) in `cause`. */
function describe(error: unknown): string {
  const cause = (error as { cause?: { code?: string; message?: string } }).cause;
  return cause?.code ?? cause?.message ?? (error as Error).message;
}
