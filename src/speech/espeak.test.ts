/**
 * The real espeak-ng (Debian's package; .ci/run installs it): a valid WAV whose length fits the
 * text, the Mandarin phonemes it reports, and what happens when the program is missing.
 */
import { describe, expect, it } from 'vitest';
import { espeakPhonemes, espeakWav, probeEspeak } from './espeak.js';
import { pinyinOf } from './pinyin.js';
import { readingOf } from './reading.js';
import { readWav } from './wav.js';

const probe = await probeEspeak();

describe.skipIf(!probe.available)('espeak-ng', () => {
  it('speaks a valid 16-bit mono WAV whose length fits the text', async () => {
    const short = readWav(await espeakWav(pinyinOf('你好。'), 1))!;
    const text = '办理营业执照需要带身份证原件和经营场所证明，三个工作日内办结。';
    const wav = await espeakWav(pinyinOf(readingOf(text)), 1);
    const info = readWav(wav)!;
    expect(info).toMatchObject({ channels: 1, bitsPerSample: 16 });
    expect(info.sampleRate).toBeGreaterThanOrEqual(16_000);
    // The sizes in the header are the real ones (espeak-ng on a pipe leaves them open).
    expect(wav.readUInt32LE(4)).toBe(wav.length - 8);
    expect(info.dataOffset + info.dataBytes).toBe(wav.length);
    // 30 syllables at a normal pace: between 2 and 6 syllables a second.
    const syllables = [...text].filter((c) => /\p{Script=Han}/u.test(c)).length;
    expect(info.durationSeconds).toBeGreaterThan(syllables / 6);
    expect(info.durationSeconds).toBeLessThan(syllables / 2);
    expect(info.durationSeconds).toBeGreaterThan(short.durationSeconds * 3);
  });

  it('speaks more slowly at a lower rate (elderly mode)', async () => {
    const pinyin = pinyinOf('请到三号窗口办理。');
    const normal = readWav(await espeakWav(pinyin, 1))!.durationSeconds;
    const slow = readWav(await espeakWav(pinyin, 0.6))!.durationSeconds;
    expect(slow).toBeGreaterThan(normal * 1.3);
  });

  it('says Mandarin phonemes with their tones, not English letter names', async () => {
    const phonemes = await espeakPhonemes(pinyinOf('你好，银行'));
    // espeak-ng's tone contours: ni3 before hao3 rises (third-tone sandhi, 35), hao3 214, yin2 and hang2 35;
    // the comma is a pause (a new line).
    expect(phonemes.replace(/\s+/g, ' ')).toBe("n'i35_| X'Au214_| j'i35n_| X'a35N_|");
  });

  it('reads the digits of an answer as Chinese numbers, not English ones', async () => {
    const phonemes = await espeakPhonemes(pinyinOf(readingOf('3号窗口')));
    expect(phonemes).toBe("s'a55n_| X'Au51_| ts.hw'A55N_| kh'ou214_|");
  });

  it('stops a run that exceeds its output cap', async () => {
    await expect(espeakWav(pinyinOf('你好'.repeat(50)), 1, { maxBytes: 10_000 })).rejects.toThrow(/more than 10000 bytes/);
  });
});

describe('probeEspeak', () => {
  it('says why when the program is missing', async () => {
    expect(await probeEspeak({ command: 'espeak-ng-that-is-not-installed' })).toEqual({
      available: false,
      reason: 'espeak-ng is not installed (apt-get install espeak-ng)',
    });
  });
});
