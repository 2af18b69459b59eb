/**
 * @module web/voice/server-speech
 * Spoken answers from the server (POST /api/speech): the audio plays in an <audio> element, and
 * an AnalyserNode measures its loudness frame by frame, so that the avatar's mouth opens as wide
 * as the voice is loud. Same shape as `synthesis.ts`, which is used only when the server has no voice.
 */
import { readonly, ref } from 'vue';
import { api } from '../api';

export function createServerSpeaker() {
  const speaking = ref(false);
  /** Loudness of what is playing, 0–1, for the mouth. */
  const level = ref(0);
  const error = ref('');
  let audio: HTMLAudioElement | undefined;
  let context: AudioContext | undefined;
  let analyser: AnalyserNode | undefined;
  let frame = 0;
  let url = '';
  /** Each call to speak() gets a number; a reply for an older one is dropped. */
  let generation = 0;

  function element(): HTMLAudioElement {
    if (audio) return audio;
    audio = document.createElement('audio');
    audio.dataset.testid = 'speech-audio';
    audio.preload = 'auto';
    audio.hidden = true;
    document.body.append(audio);
    audio.addEventListener('playing', () => {
      speaking.value = true;
      follow();
    });
    audio.addEventListener('ended', stopped);
    audio.addEventListener('error', stopped);
    audio.addEventListener('pause', stopped);
    return audio;
  }

  /** The loudness meter: made on first use, after a tap, as browsers want for Web Audio. */
  function meter(el: HTMLAudioElement): void {
    if (analyser || typeof AudioContext === 'undefined') return;
    try {
      context = new AudioContext();
      analyser = context.createAnalyser();
      analyser.fftSize = 512;
      context.createMediaElementSource(el).connect(analyser);
      analyser.connect(context.destination);
    } catch {
      analyser = undefined; // the audio still plays, only the mouth does not follow it
    }
  }

  function follow(): void {
    cancelAnimationFrame(frame);
    if (!analyser) return;
    const samples = new Float32Array(analyser.fftSize);
    const tick = () => {
      if (!speaking.value || !analyser) return;
      analyser.getFloatTimeDomainData(samples);
      let sum = 0;
      for (const s of samples) sum += s * s;
      // RMS of speech is about 0.05–0.3: scaled so that ordinary speech opens the mouth well.
      level.value = Math.min(1, Math.sqrt(sum / samples.length) * 5);
      frame = requestAnimationFrame(tick);
    };
    tick();
  }

  function stopped(): void {
    speaking.value = false;
    level.value = 0;
    cancelAnimationFrame(frame);
  }

  async function speak(text: string, rate: number): Promise<void> {
    if (!text.trim()) return;
    cancel();
    const mine = ++generation;
    const el = element();
    meter(el);
    void context?.resume().catch(() => undefined);
    try {
      const blob = await api.speech(text.slice(0, 300), Math.min(2, Math.max(0.5, rate)));
      if (mine !== generation) return;
      error.value = '';
      url = URL.createObjectURL(blob);
      el.src = url;
      await el.play();
    } catch (e) {
      if (mine !== generation) return;
      stopped();
      // Autoplay refused (no tap yet) or the server failed: the answer is on the screen anyway.
      error.value = e instanceof Error ? e.message : String(e);
    }
  }

  function cancel(): void {
    generation++;
    if (audio && !audio.paused) audio.pause();
    if (url) URL.revokeObjectURL(url);
    url = '';
    stopped();
  }

  return { speaking: readonly(speaking), level: readonly(level), error: readonly(error), speak, cancel };
}
