/**
 * The Speaker with the real espeak-ng, and a local stand-in for a zone's OpenAI-compatible voice
 * server (POST /v1/audio/speech), which is how CosyVoice-style servers are reached.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { probeEspeak } from './espeak.js';
import { Speaker } from './speaker.js';
import { readWav } from './wav.js';

const espeak = await probeEspeak();

/** A voice server that answers with a fixed tiny WAV, fails, or hangs, as `mode` says. */
let mode: 'ok' | 'fail' | 'hang' = 'ok';
const requests: { path: string; body: Record<string, unknown>; auth?: string }[] = [];
let server: Server;
let url = '';
const tinyWav = Buffer.from('UklGRiwAAABXQVZFZm10IBAAAAABAAEAgD4AAAB9AAACABAAZGF0YQgAAAAAAAAAAAAAAA==', 'base64');

beforeAll(async () => {
  server = createServer((req, res) => {
    let body = '';
    req.on('data', (c: Buffer) => (body += c.toString()));
    req.on('end', () => {
      requests.push({ path: req.url ?? '', body: JSON.parse(body) as Record<string, unknown>, ...(req.headers.authorization ? { auth: req.headers.authorization } : {}) });
      if (mode === 'hang') return; // never answers: the speaker's time limit must end it
      if (mode === 'fail') return void res.writeHead(500).end('model not loaded');
      res.writeHead(200, { 'content-type': 'audio/wav' }).end(tinyWav);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/v1`;
});
afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

describe.skipIf(!espeak.available)('Speaker with espeak-ng', () => {
  it('speaks, then answers the same text from its cache', async () => {
    const speaker = new Speaker();
    expect(await speaker.start()).toEqual({ available: true, engine: 'espeak-ng' });
    const first = await speaker.speak('请到3号窗口办理。', 1);
    expect(first).toMatchObject({ contentType: 'audio/wav', engine: 'espeak-ng', cached: false });
    expect(readWav(first.bytes)?.durationSeconds).toBeGreaterThan(0.5);
    const again = await speaker.speak('请到3号窗口办理。', 1);
    expect(again.cached).toBe(true);
    expect(again.bytes.equals(first.bytes)).toBe(true);
    // Another rate is another recording.
    expect((await speaker.speak('请到3号窗口办理。', 0.7)).cached).toBe(false);
  });

  it('bounds the syntheses running at once and those waiting', async () => {
    const speaker = new Speaker({ concurrency: 1, maxWaiting: 1 });
    await speaker.start();
    const results = await Promise.allSettled(['一', '二', '三'].map((t) => speaker.speak(`第${t}句话。`)));
    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'fulfilled', 'rejected']);
  });

  it('uses the zone voice server first, sending model, voice, speed and the key', async () => {
    mode = 'ok';
    requests.length = 0;
    const speaker = new Speaker({ remote: { url, model: 'cosyvoice', voice: '中文女', key: 'secret' } });
    await speaker.start();
    const audio = await speaker.speak('你好', 0.8);
    expect(audio).toMatchObject({ engine: 'remote', contentType: 'audio/wav' });
    expect(requests).toEqual([
      { path: '/v1/audio/speech', auth: 'Bearer secret', body: { model: 'cosyvoice', input: '你好', voice: '中文女', speed: 0.8, response_format: 'wav' } },
    ]);
  });

  it('falls back to espeak-ng when the voice server fails or is too slow', async () => {
    const errors: string[] = [];
    for (const m of ['fail', 'hang'] as const) {
      mode = m;
      const speaker = new Speaker({ remote: { url, model: 'cosyvoice' }, remoteTimeoutMs: 300, logError: (e) => errors.push(e) });
      await speaker.start();
      expect((await speaker.speak('你好')).engine).toBe('espeak-ng');
    }
    expect(errors[0]).toMatch(/answered 500/);
    expect(errors[1]).toMatch(/espeak-ng speaks instead/);
  });
});

describe('Speaker without espeak-ng', () => {
  it('says it cannot speak, and why', async () => {
    const speaker = new Speaker({ espeak: { command: 'espeak-ng-that-is-not-installed' } });
    expect(await speaker.start()).toEqual({ available: false, engine: 'none', reason: 'espeak-ng is not installed (apt-get install espeak-ng)' });
    await expect(speaker.speak('你好')).rejects.toThrow(/not installed/);
  });
});
