/**
 * @module web/voice/server-recognition
 * Speech input through the server (POST /api/transcribe), for offline kiosks and intranets where
 * the browser's recogniser cannot reach its cloud: the microphone (getUserMedia, mono, 16 kHz
 * where the device allows) is recorded until the person stops speaking or taps again, encoded as
 * WAV and sent; the text comes back corrected. Same shape as `recognition.ts`.
 *
 * The end of speech is found by energy (a simple voice-activity detector): the first 300 ms set
 * the room's noise floor, speech is what rises well above it, and 1.2 s back near the floor ends
 * the recording. @ricky0123/vad-web was not chosen: its Silero model needs onnxruntime-web, whose
 * WebAssembly runtime (~10 MB) it loads at run time, for a decision energy makes well enough for
 * one person at a kiosk.
 */
import { readonly, ref } from 'vue';
import { api, ApiError } from '../api';
import { encodeWav, TARGET_RATE } from './wav-encode';

const CALIBRATE_MS = 300;
const END_SILENCE_MS = 1200;
const NO_SPEECH_MS = 8000;
const MAX_MS = 30_000;

const supported = typeof navigator !== 'undefined' && !!navigator.mediaDevices?.getUserMedia && typeof AudioContext !== 'undefined';

export function createServerRecognizer(onFinal: (text: string) => void) {
  const listening = ref(false);
  /** Shown while the recording is being transcribed. */
  const interim = ref('');
  const error = ref('');
  let session: { stop: (send: boolean) => void } | undefined;

  async function start(): Promise<void> {
    if (!supported || session) return;
    error.value = '';
    interim.value = '';
    listening.value = true;
    let stream: MediaStream;
    try {
      stream = await navigator.mediaDevices.getUserMedia({
        audio: { channelCount: 1, sampleRate: TARGET_RATE, echoCancellation: true, noiseSuppression: true },
      });
    } catch (e) {
      listening.value = false;
      const name = e instanceof DOMException ? e.name : '';
      error.value =
        name === 'NotAllowedError' || name === 'SecurityError'
          ? '没有麦克风权限。请在浏览器中允许使用麦克风，或直接打字提问。'
          : '没有找到麦克风，请检查设备，或直接打字提问。';
      return;
    }
    const context = new AudioContext({ sampleRate: TARGET_RATE });
    const source = context.createMediaStreamSource(stream);
    // ScriptProcessor is deprecated but needs no separate worklet file; 4096 samples is ~0.25 s.
    const processor = context.createScriptProcessor(4096, 1, 1);
    const chunks: Float32Array[] = [];
    const started = performance.now();
    let floor = 0;
    let floorFrames = 0;
    let heard = false;
    let quietSince = 0;
    let ended = false;

    const stop = (send: boolean) => {
      if (ended) return;
      ended = true;
      session = undefined;
      processor.disconnect();
      source.disconnect();
      stream.getTracks().forEach((t) => t.stop());
      void context.close();
      listening.value = false;
      if (!send) return;
      if (!heard) {
        error.value = '没有听到声音，请靠近一些再说一次。';
        return;
      }
      void transcribe(encodeWav(chunks, context.sampleRate));
    };

    processor.onaudioprocess = (event) => {
      if (ended) return;
      const samples = new Float32Array(event.inputBuffer.getChannelData(0));
      chunks.push(samples);
      let sum = 0;
      for (const s of samples) sum += s * s;
      const rms = Math.sqrt(sum / samples.length);
      const now = performance.now();
      const elapsed = now - started;
      if (elapsed < CALIBRATE_MS) {
        floor = (floor * floorFrames + rms) / ++floorFrames;
        return;
      }
      const threshold = Math.max(0.01, floor * 3);
      if (rms > threshold) {
        heard = true;
        quietSince = 0;
      } else if (heard) {
        quietSince ||= now;
        if (now - quietSince >= END_SILENCE_MS) stop(true);
      }
      if ((!heard && elapsed > NO_SPEECH_MS) || elapsed > MAX_MS) stop(true);
    };
    source.connect(processor);
    // A ScriptProcessor runs only while connected to the output; it writes silence there.
    processor.connect(context.destination);
    session = { stop };
  }

  async function transcribe(wav: Blob): Promise<void> {
    interim.value = '正在识别…';
    try {
      const text = (await api.transcribe(wav)).trim();
      interim.value = '';
      if (text) onFinal(text);
      else error.value = '没有听清，请再说一次，或直接打字提问。';
    } catch (e) {
      interim.value = '';
      error.value = e instanceof ApiError && e.message ? e.message : '语音识别服务暂时不可用，请直接打字提问。';
    }
  }

  /** A second tap: stop and send what was said. */
  function stop(): void {
    session?.stop(true);
  }

  /** Drops the recording without sending it (new visitor, page hidden). */
  function abort(): void {
    session?.stop(false);
    interim.value = '';
  }

  return { supported, listening: readonly(listening), interim: readonly(interim), error, start: () => void start(), stop, abort };
}
