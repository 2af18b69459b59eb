/**
 * Speech through the server, end to end: a server of its own (`xiaoxin serve --demo` with
 * espeak-ng and XIAOXIN_ASR_URL pointing at a local OpenAI-compatible transcription stand-in) and
 * a Chromium of its own whose fake microphone plays a WAV that espeak-ng spoke. The app records
 * until the speaker falls silent, posts a 16 kHz WAV to /api/transcribe, asks the transcript, and
 * plays the answer's audio from /api/speech while the avatar's mouth follows it.
 */
import { writeFile } from 'node:fs/promises';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { espeakWav, pinyinOf, probeEspeak, readWav } from '../../src/speech/index.js';
import { startTranscriptionStandIn, type TranscriptionStandIn } from '../../src/speech/test-support.js';
import { answerCards, E2E_ENV } from '../support/app.js';
import { launchBrowser, openPage, screenshot } from '../support/browser.js';
import { startServer, type RunningServer } from '../support/server.js';

const QUESTION = '办理营业执照要带什么材料';
const espeak = await probeEspeak();

/** `seconds` of silence as 16-bit mono samples at `rate`. */
const silence = (seconds: number, rate: number) => Buffer.alloc(Math.round(seconds * rate) * 2);

/** The question spoken by espeak-ng, with a second of silence before (the room's noise floor) and after. */
async function spokenQuestion(file: string): Promise<void> {
  const wav = await espeakWav(pinyinOf(QUESTION), 0.9);
  const info = readWav(wav)!;
  const samples = Buffer.concat([silence(1, info.sampleRate), wav.subarray(info.dataOffset), silence(2.5, info.sampleRate)]);
  const header = Buffer.from(wav.subarray(0, info.dataOffset));
  header.writeUInt32LE(samples.length + info.dataOffset - 8, 4);
  header.writeUInt32LE(samples.length, info.dataOffset - 4);
  await writeFile(file, Buffer.concat([header, samples]));
}

export function serverVoiceTests(): void {
  describe.skipIf(!espeak.available)('speech through the server', () => {
    let dir: string;
    let asr: TranscriptionStandIn;
    let server: RunningServer;
    let browser: Browser;

    beforeAll(async () => {
      dir = await mkdtemp(path.join(tmpdir(), 'xiaoxin-e2e-voice-'));
      const wavFile = path.join(dir, 'question.wav');
      await spokenQuestion(wavFile);
      asr = await startTranscriptionStandIn(() => QUESTION);
      [server, browser] = await Promise.all([
        startServer({ ...E2E_ENV, XIAOXIN_SPEECH_OUT: '1', XIAOXIN_ASR_URL: asr.url, XIAOXIN_ASR_MODEL: 'sensevoice-small' }),
        launchBrowser([
          '--use-fake-device-for-media-stream',
          '--use-fake-ui-for-media-stream',
          `--use-file-for-fake-audio-capture=${wavFile}`,
        ]),
      ]);
      // Starting a server on a busy two-core machine can take a while.
    }, 240_000);

    afterAll(async () => {
      await browser?.close();
      await server?.stop();
      await asr?.close();
      if (dir) await rm(dir, { recursive: true, force: true });
    });

    it('says at start-up what speaks and what hears', () => {
      expect(server.output()).toContain('speech out: espeak-ng (cmn-latn-pinyin)');
      expect(server.output()).toContain(`speech in: the transcription server ${asr.url}`);
    });

    it('hears a question from the microphone through the transcription server, and speaks the answer', async () => {
      const { page, context, problems, close } = await openPage(browser, `${server.url}/?elderly=1`);
      try {
        await context.grantPermissions(['microphone'], { origin: server.url });
        const avatar = page.getByTestId('avatar');
        await page.getByRole('button', { name: /按一下说话/ }).click();
        await expect.poll(() => avatar.getAttribute('data-state')).toBe('listening');

        // The recording ends by itself when the spoken question is followed by silence.
        await expect.poll(() => page.getByTestId('question').first().textContent(), { timeout: 30_000 }).toBe(`您问：${QUESTION}`);
        expect(asr.received).toHaveLength(1);
        const got = asr.received[0]!;
        expect(got).toMatchObject({ model: 'sensevoice-small', language: 'zh', contentType: 'audio/wav' });
        const info = readWav(got.bytes);
        expect(info).toMatchObject({ sampleRate: 16_000, channels: 1, bitsPerSample: 16 });
        // The spoken question lasts about 3 s; with its silences and the 1.2 s it takes to notice the end, under 15 s.
        expect(info!.durationSeconds).toBeGreaterThan(2);
        expect(info!.durationSeconds).toBeLessThan(15);

        await answerCards(page).first().getByTestId('materials-checklist').waitFor();
        // The answer is spoken by the server's voice: the audio element plays and the mouth follows it.
        await expect.poll(() => avatar.getAttribute('data-state'), { timeout: 20_000 }).toBe('speaking');
        await expect.poll(() => avatar.getAttribute('data-follows-audio')).toBe('true');
        const audio = page.getByTestId('speech-audio');
        await expect
          .poll(() => audio.evaluate((el: HTMLAudioElement) => ({ played: el.played.length > 0, src: el.src.startsWith('blob:') })))
          .toEqual({ played: true, src: true });
        await screenshot(page, 'server-voice-speaking');
        expect(problems).toEqual([]);
      } finally {
        await close();
      }
    }, 90_000);
  });
}
