/**
 * @module speech/speaker
 * Answer text → audio, the way `POST /api/speech` needs it: read-aloud rules → pinyin → espeak-ng
 * (offline, the default), or a zone's natural voice first when one is configured, falling back to
 * espeak-ng when it fails or is slow. Cached by engine, rate and text; at most `concurrency`
 * syntheses at once and `maxWaiting` queued, beyond which callers are told to come back.
 */
import { AudioCache, type Audio } from './cache.js';
import type { SpeechStatus } from './features.js';
import { espeakWav, probeEspeak, type EspeakOptions } from './espeak.js';
import { pinyinOf } from './pinyin.js';
import { readingOf } from './reading.js';
import { remoteSpeech, type RemoteVoice } from './remote-tts.js';

export type { SpeechStatus } from './features.js';

/** The longest text spoken in one request: about a minute and a half of speech (the web app speaks ~110). */
export const MAX_SPEECH_CHARS = 300;
export const MIN_RATE = 0.5;
export const MAX_RATE = 2;

export interface SpeakerOptions {
  espeak?: EspeakOptions;
  /** A natural voice tried before espeak-ng (XIAOXIN_TTS_*). */
  remote?: RemoteVoice;
  /** How long the natural voice may take before espeak-ng speaks instead (default 8 s). */
  remoteTimeoutMs?: number;
  /** Syntheses at once (default 2: espeak-ng takes a core while it runs). */
  concurrency?: number;
  /** Requests that may wait for a turn (default 16); beyond them `SpeakerBusy`. */
  maxWaiting?: number;
  /** Bytes of audio kept for repeats (default 32 MiB). */
  cacheBytes?: number;
  /** Where a failed natural voice is reported before espeak-ng takes over. */
  logError?: (message: string) => void;
}

export class SpeakerBusy extends Error {}
export class SpeechUnavailable extends Error {}
/** The text has nothing a voice can say (only symbols or emoji). */
export class NothingToSay extends Error {}

export class Speaker {
  private readonly cache: AudioCache;
  private espeakReady = false;
  private espeakReason: string | undefined = 'not checked yet';
  private running = 0;
  private readonly waiting: (() => void)[] = [];

  constructor(private readonly options: SpeakerOptions = {}) {
    this.cache = new AudioCache(options.cacheBytes);
  }

  /** Checks for espeak-ng and its voice; call once before serving. */
  async start(): Promise<SpeechStatus> {
    const probe = await probeEspeak(this.options.espeak);
    this.espeakReady = probe.available;
    this.espeakReason = probe.available ? undefined : probe.reason;
    return this.status;
  }

  get status(): SpeechStatus {
    const remote = this.options.remote !== undefined;
    return {
      available: remote || this.espeakReady,
      engine: remote ? 'remote' : this.espeakReady ? 'espeak-ng' : 'none',
      ...(this.espeakReason ? { reason: this.espeakReason } : {}),
    };
  }

  /** Audio for `text` at `rate` (1 normal, 0.5 slow); from the cache when said before. */
  async speak(text: string, rate = 1): Promise<Audio & { cached: boolean }> {
    const clean = text.trim().slice(0, MAX_SPEECH_CHARS);
    const speed = Math.min(MAX_RATE, Math.max(MIN_RATE, Math.round(rate * 100) / 100));
    const remote = this.options.remote;
    if (remote) {
      const key = `remote|${remote.voice ?? ''}|${speed}|${clean}`;
      const hit = this.cache.get(key);
      if (hit) return { ...hit, cached: true };
      try {
        const audio = await this.turn(() => remoteSpeech(remote, clean, speed, { timeoutMs: this.options.remoteTimeoutMs ?? 8_000, maxBytes: 16 * 1024 * 1024 }));
        this.cache.set(key, audio);
        return { ...audio, cached: false };
      } catch (error) {
        if (error instanceof SpeakerBusy) throw error;
        this.options.logError?.(`the voice server failed, espeak-ng speaks instead: ${(error as Error).message}`);
      }
    }
    if (!this.espeakReady) throw new SpeechUnavailable(this.espeakReason ?? 'espeak-ng is not available');
    const key = `espeak-ng|${speed}|${clean}`;
    const hit = this.cache.get(key);
    if (hit) return { ...hit, cached: true };
    const pinyin = pinyinOf(readingOf(clean));
    if (!/[a-z]/.test(pinyin)) throw new NothingToSay('speech: nothing in the text can be read aloud');
    const bytes = await this.turn(() => espeakWav(pinyin, speed, this.options.espeak));
    const audio: Audio = { contentType: 'audio/wav', bytes, engine: 'espeak-ng' };
    this.cache.set(key, audio);
    return { ...audio, cached: false };
  }

  /** Runs `work` when a place is free, queuing at most `maxWaiting`. */
  private async turn<T>(work: () => Promise<T>): Promise<T> {
    const limit = this.options.concurrency ?? 2;
    if (this.running >= limit) {
      if (this.waiting.length >= (this.options.maxWaiting ?? 16)) throw new SpeakerBusy('speech: too many requests waiting');
      await new Promise<void>((resolve) => this.waiting.push(resolve));
    } else {
      this.running++;
    }
    try {
      return await work();
    } finally {
      // Hand the place straight to the next in line, or give it back.
      const next = this.waiting.shift();
      if (next) next();
      else this.running--;
    }
  }
}
