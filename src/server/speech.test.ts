/**
 * POST /api/speech and POST /api/transcribe over real HTTP against the demo knowledge base, with
 * the real espeak-ng and a local stand-in transcription server (OpenAI's multipart protocol).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDemo, type DemoSetup } from '../answering/test-fixtures.js';
import { probeEspeak, readWav, Speaker, Transcriber } from '../speech/index.js';
import { startTranscriptionStandIn, type TranscriptionStandIn } from '../speech/test-support.js';
import { getJson, postJson, startServer, type Running } from './test-support.js';

const espeak = await probeEspeak();

let demo: DemoSetup;
let asr: TranscriptionStandIn;
let server: Running;
let bare: Running;
/** What the stand-in says it heard next (a status number: it fails). */
let nextTranscript: string | number = '公基金贷款怎么办';

/** A 16 kHz mono WAV of `seconds` of quiet noise. */
function wav(seconds: number): Buffer {
  const samples = Math.round(16_000 * seconds);
  const out = Buffer.alloc(44 + samples * 2);
  out.write('RIFF', 0);
  out.writeUInt32LE(36 + samples * 2, 4);
  out.write('WAVEfmt ', 8);
  out.writeUInt32LE(16, 16);
  out.writeUInt16LE(1, 20);
  out.writeUInt16LE(1, 22);
  out.writeUInt32LE(16_000, 24);
  out.writeUInt32LE(32_000, 28);
  out.writeUInt16LE(2, 32);
  out.writeUInt16LE(16, 34);
  out.write('data', 36);
  out.writeUInt32LE(samples * 2, 40);
  for (let i = 0; i < samples; i++) out.writeInt16LE(Math.round(Math.sin(i / 7) * 800), 44 + i * 2);
  return out;
}

function upload(base: string, bytes: Buffer, field = 'file', type = 'audio/wav') {
  const form = new FormData();
  form.append(field, new Blob([new Uint8Array(bytes)], { type }), 'question.wav');
  return fetch(`${base}/api/transcribe`, { method: 'POST', body: form });
}

beforeAll(async () => {
  demo = await openDemo();
  asr = await startTranscriptionStandIn(() => nextTranscript);
  const speaker = new Speaker();
  await speaker.start();
  server = await startServer(demo.assistant, demo.store, {
    speech: { speaker, transcriber: new Transcriber({ url: asr.url, model: 'sensevoice-small' }) },
  });
  bare = await startServer(demo.assistant, demo.store);
}, 180_000);

afterAll(async () => {
  await server?.close();
  await bare?.close();
  await asr?.close();
  await demo?.store.close();
});

describe('GET /api/config says what speech the server offers', () => {
  it.skipIf(!espeak.available)('with espeak-ng and a transcription server', async () => {
    expect((await getJson(`${server.base}/api/config`)).body).toMatchObject({
      speech: { output: { available: true, engine: 'espeak-ng' }, input: { available: true } },
    });
  });
  it('with neither, and why', async () => {
    expect((await getJson(`${bare.base}/api/config`)).body).toMatchObject({
      speech: { output: { available: false, engine: 'none', reason: '服务器未开启语音播报' }, input: { available: false } },
    });
  });
});

describe.skipIf(!espeak.available)('POST /api/speech', () => {
  it('answers with a WAV of the text, then the same from the cache', async () => {
    const text = '请于2025年6月30日前到3号窗口提交材料，咨询电话0571-88881234。';
    const first = await fetch(`${server.base}/api/speech`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ text, rate: 0.8 }),
    });
    expect(first.status).toBe(200);
    expect(first.headers.get('content-type')).toBe('audio/wav');
    expect(first.headers.get('x-speech-engine')).toBe('espeak-ng');
    expect(first.headers.get('x-speech-cached')).toBe('0');
    const info = readWav(Buffer.from(await first.arrayBuffer()));
    expect(info?.durationSeconds).toBeGreaterThan(5);
    const again = await fetch(`${server.base}/api/speech`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ text, rate: 0.8 }),
    });
    expect(again.headers.get('x-speech-cached')).toBe('1');
  });

  it.each([
    [{ text: '' }, 'text'],
    [{ text: '长'.repeat(301) }, 'text'],
    [{ text: '你好', rate: 5 }, 'rate'],
    [{ text: '\u{1F600}#@' }, 'text：没有可以朗读的文字'],
    [{}, 'text'],
  ])('refuses %j naming the field', async (body, field) => {
    const reply = await postJson<{ error: string }>(`${server.base}/api/speech`, body);
    expect(reply.status).toBe(400);
    expect(reply.body.error).toContain(field);
  });
});

describe('POST /api/speech without a voice', () => {
  it('is a 503 saying why, in Chinese', async () => {
    const reply = await postJson<{ error: string }>(`${bare.base}/api/speech`, { text: '你好' });
    expect(reply.status).toBe(503);
    expect(reply.body.error).toBe('语音播报不可用：服务器未开启语音播报');
  });
});

describe('POST /api/transcribe', () => {
  it('sends the recording to the transcription server and corrects what it misheard', async () => {
    nextTranscript = '公基金贷款怎么办';
    asr.received.length = 0;
    const recording = wav(1.5);
    const reply = await upload(server.base, recording);
    expect(reply.status).toBe(200);
    expect(await reply.json()).toEqual({ text: '公积金贷款怎么办', heard: '公基金贷款怎么办' });
    expect(asr.received).toHaveLength(1);
    expect(asr.received[0]).toMatchObject({ model: 'sensevoice-small', language: 'zh', contentType: 'audio/wav' });
    expect(asr.received[0]!.bytes.equals(recording)).toBe(true);
  });

  it('is a 502 in Chinese when the transcription server fails', async () => {
    nextTranscript = 500;
    const reply = await upload(server.base, wav(1));
    expect(reply.status).toBe(502);
    expect(((await reply.json()) as { error: string }).error).toBe('语音识别服务暂时不可用，请直接打字提问');
    expect(server.errors.at(-1)).toContain('answered 500');
    nextTranscript = '你好';
  });

  it.each([
    ['not a WAV', Buffer.from('OggS'.padEnd(2000, 'x')), 'file', 415, 'WAV'],
    ['longer than a minute', wav(61), 'file', 413, '60 秒'],
    ['too short', wav(0.05), 'file', 400, '太短'],
    ['in another field', wav(1), 'audio', 400, '字段名须为 file'],
  ])('refuses a recording %s', async (_what, bytes, field, status, error) => {
    const reply = await upload(server.base, bytes, field);
    expect(reply.status).toBe(status);
    expect(((await reply.json()) as { error: string }).error).toContain(error);
  });

  it('refuses a recording over 4 MiB', async () => {
    const reply = await upload(server.base, Buffer.concat([wav(1), Buffer.alloc(4 * 1024 * 1024)]));
    expect(reply.status).toBe(413);
    expect(((await reply.json()) as { error: string }).error).toContain('file：录音不能超过 4 MiB');
  });

  it('refuses a body that is not multipart', async () => {
    const reply = await postJson<{ error: string }>(`${server.base}/api/transcribe`, { file: 'x' });
    expect(reply.status).toBe(400);
    expect(reply.body.error).toContain('file');
  });

  it('is a 503 in Chinese when no transcription server is configured', async () => {
    const reply = await upload(bare.base, wav(1));
    expect(reply.status).toBe(503);
    expect(((await reply.json()) as { error: string }).error).toContain('语音识别未配置');
  });
});
