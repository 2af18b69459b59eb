/**
 * @module speech/cache
 * Spoken answers kept in memory, least recently used first out, bounded by bytes: a kiosk says
 * the same few answers (and the same greeting) many times a day.
 */

export interface Audio {
  contentType: string;
  bytes: Buffer;
  /** Which engine spoke it: `espeak-ng` or `remote`. */
  engine: string;
}

export class AudioCache {
  private readonly entries = new Map<string, Audio>();
  private bytes = 0;

  /** `maxBytes`: the most audio kept (default 32 MiB, about 12 minutes of espeak-ng's WAV). */
  constructor(private readonly maxBytes = 32 * 1024 * 1024) {}

  get(key: string): Audio | undefined {
    const audio = this.entries.get(key);
    if (!audio) return undefined;
    // Map keeps insertion order: moving the entry to the end marks it most recently used.
    this.entries.delete(key);
    this.entries.set(key, audio);
    return audio;
  }

  set(key: string, audio: Audio): void {
    if (audio.bytes.length > this.maxBytes) return;
    const old = this.entries.get(key);
    if (old) {
      this.bytes -= old.bytes.length;
      this.entries.delete(key);
    }
    this.entries.set(key, audio);
    this.bytes += audio.bytes.length;
    for (const [oldest, entry] of this.entries) {
      if (this.bytes <= this.maxBytes) break;
      this.entries.delete(oldest);
      this.bytes -= entry.bytes.length;
    }
  }

  get size(): number {
    return this.entries.size;
  }

  get totalBytes(): number {
    return this.bytes;
  }
}
