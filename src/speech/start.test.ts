import { describe, expect, it } from 'vitest';
import { probeEspeak } from './espeak.js';
import { startSpeech } from './start.js';

const espeak = await probeEspeak();

describe('startSpeech', () => {
  it('says why the server cannot speak when espeak-ng is missing, and that speech in is off', async () => {
    const lines: string[] = [];
    const speech = await startSpeech({}, (l) => lines.push(l), { espeakCommand: 'espeak-ng-that-is-not-installed' });
    expect(speech.speaker?.status.available).toBe(false);
    expect(speech.transcriber).toBeUndefined();
    expect(lines).toEqual([
      "speech in: off on the server (XIAOXIN_ASR_URL is not set); the browser's own recogniser is used where it works",
      "speech out: off, the web app uses the browser's own voice where it has one — espeak-ng unavailable: espeak-ng is not installed (apt-get install espeak-ng)",
    ]);
  });

  it('turns the server voice off when told to, and names the transcription server', async () => {
    const lines: string[] = [];
    const speech = await startSpeech({ out: false, asr: { url: 'http://127.0.0.1:10095/v1', model: 'sensevoice' } }, (l) => lines.push(l));
    expect(speech.speaker).toBeUndefined();
    expect(speech.transcriber).toBeDefined();
    expect(lines).toEqual([
      'speech in: the transcription server http://127.0.0.1:10095/v1 (model sensevoice)',
      "speech out: off (XIAOXIN_SPEECH_OUT=0); the web app uses the browser's own voice where it has one",
    ]);
  });

  it.skipIf(!espeak.available)('names espeak-ng and its voice when it speaks', async () => {
    const lines: string[] = [];
    await startSpeech({}, (l) => lines.push(l));
    expect(lines[1]).toBe('speech out: espeak-ng (cmn-latn-pinyin)');
  });
});
