/**
 * @module web/voice/synthesis
 * Spoken answers through `speechSynthesis`: a zh-CN voice when the system has one, the rate from
 * the settings. `speaking` is true from the utterance's start to its end, which is what moves
 * the avatar's mouth.
 */
import { readonly, ref } from 'vue';

const supported = typeof window !== 'undefined' && 'speechSynthesis' in window && 'SpeechSynthesisUtterance' in window;

function chineseVoice(): SpeechSynthesisVoice | undefined {
  const voices = window.speechSynthesis.getVoices();
  const lang = (v: SpeechSynthesisVoice) => v.lang.replace('_', '-').toLowerCase();
  return (
    voices.find((v) => lang(v) === 'zh-cn' && v.localService) ??
    voices.find((v) => lang(v) === 'zh-cn') ??
    voices.find((v) => lang(v).startsWith('zh') && !/hk|tw/.test(lang(v))) ??
    voices.find((v) => lang(v).startsWith('zh'))
  );
}

export function createSpeaker() {
  const speaking = ref(false);
  /** Counts word boundaries while speaking, so the mouth can follow the words. */
  const boundaries = ref(0);
  let current: SpeechSynthesisUtterance | null = null;
  let safety: ReturnType<typeof setTimeout> | undefined;

  function done(u: SpeechSynthesisUtterance): void {
    if (current !== u) return;
    current = null;
    speaking.value = false;
    clearTimeout(safety);
  }

  function speak(text: string, rate: number): void {
    if (!supported || !text.trim()) return;
    cancel();
    const u = new SpeechSynthesisUtterance(text);
    u.lang = 'zh-CN';
    u.rate = rate;
    const voice = chineseVoice();
    if (voice) {
      try {
        u.voice = voice;
      } catch {
        // Some engines refuse a voice object; the lang alone then picks one.
      }
    }
    u.onstart = () => {
      if (current !== u) return;
      speaking.value = true;
      // Some engines never report the end (no audio device, tab in background): give up after
      // a generous estimate so that the avatar does not talk forever.
      clearTimeout(safety);
      safety = setTimeout(() => done(u), 4000 + (text.length * 350) / rate);
    };
    u.onend = () => done(u);
    u.onerror = () => done(u);
    u.onboundary = () => {
      boundaries.value++;
    };
    current = u;
    window.speechSynthesis.speak(u);
  }

  function cancel(): void {
    const u = current;
    current = null;
    speaking.value = false;
    clearTimeout(safety);
    if (supported && (u || window.speechSynthesis.speaking || window.speechSynthesis.pending)) window.speechSynthesis.cancel();
  }

  return { supported, speaking: readonly(speaking), boundaries: readonly(boundaries), speak, cancel };
}
