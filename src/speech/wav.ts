/**
 * @module speech/wav
 * The little of RIFF/WAVE that speech needs: read a header (tests, the transcription limits),
 * mend the sizes espeak-ng leaves open when it writes to a pipe, and write 16-bit PCM.
 */

export interface WavInfo {
  sampleRate: number;
  channels: number;
  bitsPerSample: number;
  /** Bytes of sample data actually present. */
  dataBytes: number;
  /** Where the sample data starts. */
  dataOffset: number;
  durationSeconds: number;
}

/** The header of a PCM WAV file, or undefined when the bytes are not one. */
export function readWav(bytes: Uint8Array): WavInfo | undefined {
  if (bytes.length < 12) return undefined;
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const tag = (at: number) => String.fromCharCode(...bytes.subarray(at, at + 4));
  if (tag(0) !== 'RIFF' || tag(8) !== 'WAVE') return undefined;
  let at = 12;
  let format: { channels: number; sampleRate: number; bitsPerSample: number; audioFormat: number } | undefined;
  while (at + 8 <= bytes.length) {
    const id = tag(at);
    const size = view.getUint32(at + 4, true);
    if (id === 'fmt ' && at + 24 <= bytes.length) {
      format = {
        audioFormat: view.getUint16(at + 8, true),
        channels: view.getUint16(at + 10, true),
        sampleRate: view.getUint32(at + 12, true),
        bitsPerSample: view.getUint16(at + 22, true),
      };
    } else if (id === 'data') {
      if (!format || format.audioFormat !== 1 || !format.channels || !format.sampleRate || !format.bitsPerSample) return undefined;
      const dataOffset = at + 8;
      // A streamed file says "as long as it goes" (0xFFFFFFFF or near): believe the bytes.
      const dataBytes = Math.min(size, bytes.length - dataOffset);
      const frame = format.channels * (format.bitsPerSample / 8);
      return { ...format, dataBytes, dataOffset, durationSeconds: dataBytes / frame / format.sampleRate };
    }
    at += 8 + size + (size % 2);
  }
  return undefined;
}

/** The same WAV with its RIFF and data sizes set to what is there (espeak-ng on a pipe cannot know them). */
export function mendWavSizes(bytes: Buffer): Buffer {
  const info = readWav(bytes);
  if (!info) throw new Error('speech: espeak-ng did not write a WAV file');
  const out = bytes.subarray(0, info.dataOffset + info.dataBytes);
  out.writeUInt32LE(out.length - 8, 4);
  out.writeUInt32LE(info.dataBytes, info.dataOffset - 4);
  return out;
}
