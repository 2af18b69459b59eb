import { describe, expect, it } from 'vitest';
import { mendWavSizes, readWav } from './wav.js';

/** A 16 kHz mono 16-bit WAV header claiming `declared` data bytes, followed by `actual` bytes. */
function wav(declared: number, actual: number): Buffer {
  const header = Buffer.alloc(44);
  header.write('RIFF', 0);
  header.writeUInt32LE(36 + declared, 4);
  header.write('WAVEfmt ', 8);
  header.writeUInt32LE(16, 16);
  header.writeUInt16LE(1, 20);
  header.writeUInt16LE(1, 22);
  header.writeUInt32LE(16_000, 24);
  header.writeUInt32LE(32_000, 28);
  header.writeUInt16LE(2, 32);
  header.writeUInt16LE(16, 34);
  header.write('data', 36);
  header.writeUInt32LE(declared, 40);
  return Buffer.concat([header, Buffer.alloc(actual)]);
}

describe('readWav', () => {
  it('reads the format and the duration', () => {
    expect(readWav(wav(32_000, 32_000))).toMatchObject({ sampleRate: 16_000, channels: 1, bitsPerSample: 16, durationSeconds: 1 });
  });
  it('believes the bytes over a streamed header that says "as long as it goes"', () => {
    expect(readWav(wav(0x7ffff000, 16_000))?.durationSeconds).toBe(0.5);
  });
  it('refuses what is not a PCM WAV', () => {
    expect(readWav(Buffer.from('OggS not a wav file at all'))).toBeUndefined();
    expect(readWav(Buffer.alloc(0))).toBeUndefined();
  });
  it('mends the sizes of a streamed WAV', () => {
    const mended = mendWavSizes(wav(0x7ffff000, 100));
    expect(mended.readUInt32LE(4)).toBe(mended.length - 8);
    expect(mended.readUInt32LE(40)).toBe(100);
  });
});
